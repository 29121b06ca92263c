using System.Buffers.Binary;
using System.Text;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>
/// Reads big-endian application data without throwing: the first read that runs past the end (or
/// finds bad text) records <see cref="Error"/>, and every later read returns a default value, so a
/// decoder checks once at the end (or before acting on a count).
/// </summary>
internal ref struct LinkDataReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    public LinkDataReader(ReadOnlySpan<byte> data, string message)
    {
        _data = data;
        Message = message;
    }

    /// <summary>What is being read, for error messages ("event report").</summary>
    public string Message { get; }

    /// <summary>The first problem found; null while all is well.</summary>
    public string? Error { get; private set; }

    public readonly bool Failed => Error is not null;

    public readonly int Remaining => _data.Length - _offset;

    public byte ReadByte(string what) => Take(1, what) is { IsEmpty: false } span ? span[0] : (byte)0;

    public ushort ReadUInt16(string what) => Take(2, what) is { IsEmpty: false } span ? BinaryPrimitives.ReadUInt16BigEndian(span) : (ushort)0;

    public uint ReadUInt32(string what) => Take(4, what) is { IsEmpty: false } span ? BinaryPrimitives.ReadUInt32BigEndian(span) : 0;

    public int ReadInt32(string what) => Take(4, what) is { IsEmpty: false } span ? BinaryPrimitives.ReadInt32BigEndian(span) : 0;

    public ulong ReadUInt64(string what) => Take(8, what) is { IsEmpty: false } span ? BinaryPrimitives.ReadUInt64BigEndian(span) : 0;

    public long ReadInt64(string what) => Take(8, what) is { IsEmpty: false } span ? BinaryPrimitives.ReadInt64BigEndian(span) : 0;

    public float ReadSingle(string what) => Take(4, what) is { IsEmpty: false } span ? BinaryPrimitives.ReadSingleBigEndian(span) : 0;

    public double ReadDouble(string what) => Take(8, what) is { IsEmpty: false } span ? BinaryPrimitives.ReadDoubleBigEndian(span) : 0;

    public DateTimeOffset ReadTime(string what) => Take(CucTime.Length, what) is { IsEmpty: false } span ? CucTime.Read(span) : CucTime.Epoch;

    public ReadOnlySpan<byte> ReadBytes(int count, string what) => Take(count, what);

    /// <summary>A u8 length then that many ASCII bytes.</summary>
    public string ReadAscii8(string what)
    {
        int length = ReadByte(what + " length");
        var bytes = Take(length, what);
        if (Failed)
        {
            return "";
        }

        if (!Ascii.IsValid(bytes))
        {
            Fail($"{what} is not ASCII");
            return "";
        }

        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary>A u16 length then that many UTF-8 bytes (invalid sequences become U+FFFD).</summary>
    public string ReadUtf8_16(string what)
    {
        int length = ReadUInt16(what + " length");
        var bytes = Take(length, what);
        return Failed ? "" : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Records an error unless every byte was read.</summary>
    public void ExpectEnd()
    {
        if (!Failed && Remaining != 0)
        {
            Fail($"{Remaining} unexpected byte(s) after the end at offset {_offset}");
        }
    }

    /// <summary>Records <paramref name="problem"/> unless an earlier problem is recorded.</summary>
    public void Fail(string problem)
    {
        Error ??= $"{Message}: {problem}";
    }

    /// <summary>Throws <see cref="LinkFormatException"/> when a problem was recorded.</summary>
    public readonly void ThrowIfFailed()
    {
        if (Error is not null)
        {
            throw new LinkFormatException(Error);
        }
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (Failed)
        {
            return default;
        }

        if (count > Remaining)
        {
            Fail($"{what} needs {count} byte(s) at offset {_offset}, only {Remaining} left of {_data.Length}");
            return default;
        }

        var span = _data.Slice(_offset, count);
        _offset += count;
        return span;
    }
}
