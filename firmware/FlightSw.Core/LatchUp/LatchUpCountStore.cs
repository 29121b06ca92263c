using System.Buffers.Binary;
using FlightSw.Core.Storage;

namespace FlightSw.Core.LatchUp;

/// <summary>
/// The latch-up count in the persistent store: the durable record
/// <see cref="LatchUpGuard.CountRecord"/> holding a little-endian uint32. The durable record
/// keeps the previous count readable if a power loss cuts a write short, and the count is
/// written into both of its copies, so that a copy rotting later loses nothing either.
/// </summary>
internal static class LatchUpCountStore
{
    private const int PayloadLength = sizeof(uint);

    /// <summary>Reads the count; <paramref name="refused"/> gets one reason per copy that exists but is refused.</summary>
    /// <returns>The newest sound count; 0 when there is none.</returns>
    public static uint Read(DurableRecordStore records, List<string> refused)
    {
        var read = records.Read(LatchUpGuard.CountRecord);
        refused.AddRange(read.Refused);
        if (!read.Found)
        {
            return 0;
        }

        if (read.Payload.Length != PayloadLength)
        {
            refused.Add($"{LatchUpGuard.CountRecord}: payload is {read.Payload.Length} bytes, expected {PayloadLength}");
            return 0;
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(read.Payload);
    }

    /// <summary>Stores <paramref name="count"/> in both copies. Throws <see cref="IOException"/> when the store fails.</summary>
    public static void Write(DurableRecordStore records, uint count)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, count);

        // Each write goes to the copy that is not the newest: twice fills both. A power loss
        // during the first leaves the previous count; during the second, the new one.
        records.Write(LatchUpGuard.CountRecord, payload);
        records.Write(LatchUpGuard.CountRecord, payload);
    }
}
