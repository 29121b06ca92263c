using System.Buffers.Binary;
using System.Text;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>Writes big-endian application data into a growing buffer.</summary>
internal sealed class LinkDataWriter
{
    /// <summary>Longest string carried: longer ones are cut (at a character boundary).</summary>
    public const int MaxStringBytes = 1024;

    private byte[] _buffer;
    private int _length;

    public LinkDataWriter(int capacity = 64)
    {
        _buffer = new byte[Math.Max(capacity, 16)];
    }

    public int Length => _length;

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Reserve(8), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Reserve(8), value);

    public void WriteSingle(float value) => BinaryPrimitives.WriteSingleBigEndian(Reserve(4), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleBigEndian(Reserve(8), value);

    public void WriteTime(DateTimeOffset time) => CucTime.Write(time, Reserve(CucTime.Length));

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>A u8 length then ASCII; characters outside ASCII become '?', and the text is cut to 255 bytes.</summary>
    public void WriteAscii8Lenient(string text)
    {
        int length = Math.Min(text.Length, byte.MaxValue);
        WriteByte((byte)length);
        Encoding.ASCII.GetBytes(text.AsSpan(0, length), Reserve(length));
    }

    /// <summary>A u8 length then ASCII.</summary>
    /// <exception cref="ArgumentException">The text is not ASCII or longer than 255 characters.</exception>
    public void WriteAscii8Strict(string text, string what)
    {
        if (text.Length > byte.MaxValue)
        {
            throw new ArgumentException($"{what} '{text[..32]}...' is {text.Length} characters; at most {byte.MaxValue} can be carried.", nameof(text));
        }

        if (!Ascii.IsValid(text))
        {
            throw new ArgumentException($"{what} '{text}' is not ASCII text and cannot be carried.", nameof(text));
        }

        WriteByte((byte)text.Length);
        Encoding.ASCII.GetBytes(text, Reserve(text.Length));
    }

    /// <summary>A u16 length then UTF-8, cut to <see cref="MaxStringBytes"/> bytes at a character boundary.</summary>
    public void WriteUtf8_16(string text)
    {
        int count = Encoding.UTF8.GetByteCount(text);
        if (count <= MaxStringBytes)
        {
            WriteUInt16((ushort)count);
            Encoding.UTF8.GetBytes(text, Reserve(count));
            return;
        }

        var bytes = CutUtf8(Encoding.UTF8.GetBytes(text), MaxStringBytes);
        WriteUInt16((ushort)bytes.Length);
        WriteBytes(bytes);
    }

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>The longest start of <paramref name="utf8"/> of at most <paramref name="max"/> bytes that ends at a character boundary.</summary>
    public static ReadOnlySpan<byte> CutUtf8(ReadOnlySpan<byte> utf8, int max)
    {
        if (utf8.Length <= max)
        {
            return utf8;
        }

        int end = max;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return utf8[..end];
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
