using System.Buffers.Binary;

namespace FlightSw.Core.Storage;

/// <summary>
/// The envelope of a stored record: a format version byte, the CRC-32C of the payload
/// (little-endian) and the payload. A record that fails the check is refused, never used.
/// </summary>
public static class CheckedRecord
{
    /// <summary>The envelope format version.</summary>
    public const byte FormatVersion = 1;

    private const int HeaderLength = 5;

    /// <summary>Wraps <paramref name="payload"/> in an envelope.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> payload)
    {
        var record = new byte[HeaderLength + payload.Length];
        record[0] = FormatVersion;
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(1), Crc32C.Compute(payload));
        payload.CopyTo(record.AsSpan(HeaderLength));
        return record;
    }

    /// <summary>Checks and unwraps a record; false with a reason when it is truncated, of another version or corrupt.</summary>
    public static bool TryUnwrap(ReadOnlySpan<byte> record, out byte[] payload, out string error)
    {
        payload = [];
        if (record.Length < HeaderLength)
        {
            error = $"record is {record.Length} bytes long, shorter than its {HeaderLength}-byte header";
            return false;
        }

        if (record[0] != FormatVersion)
        {
            error = $"record format version is {record[0]}, expected {FormatVersion}";
            return false;
        }

        var body = record[HeaderLength..];
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(record[1..]);
        uint actual = Crc32C.Compute(body);
        if (stored != actual)
        {
            error = $"CRC-32C mismatch (stored 0x{stored:X8}, computed 0x{actual:X8})";
            return false;
        }

        payload = body.ToArray();
        error = "";
        return true;
    }
}
