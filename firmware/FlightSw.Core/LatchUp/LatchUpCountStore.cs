using System.Buffers.Binary;
using FlightSw.Core.Storage;
using FlightSw.Hal;

namespace FlightSw.Core.LatchUp;

/// <summary>
/// The latch-up count in the persistent store, as two <see cref="CheckedRecord"/> copies
/// (<see cref="LatchUpGuard.CountRecord"/>, then <see cref="LatchUpGuard.CountMirrorRecord"/>), each
/// a little-endian uint32. Reading takes the larger sound copy, so that neither a corrupt copy nor
/// a power loss between the two writes makes the count go back.
/// </summary>
internal static class LatchUpCountStore
{
    /// <summary>Reads the count; <paramref name="refused"/> gets each copy that exists but fails its check, with why.</summary>
    /// <param name="store">The persistent store.</param>
    /// <param name="refused">Copies present but refused, with the reason.</param>
    /// <param name="needsRewrite">True when a copy was refused or the copies differ, so both should be written again.</param>
    /// <returns>The larger sound copy; 0 when there is none.</returns>
    public static uint Read(IPersistentStore store, List<(string Record, string Reason)> refused, out bool needsRewrite)
    {
        uint? primary = ReadOne(store, LatchUpGuard.CountRecord, refused);
        uint? mirror = ReadOne(store, LatchUpGuard.CountMirrorRecord, refused);
        needsRewrite = refused.Count > 0 || primary != mirror;
        return Math.Max(primary ?? 0, mirror ?? 0);
    }

    /// <summary>Writes <paramref name="count"/> to both copies, the main one first. Throws <see cref="IOException"/> when the store fails.</summary>
    public static void Write(IPersistentStore store, uint count)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, count);
        var record = CheckedRecord.Wrap(payload);
        store.Write(LatchUpGuard.CountRecord, record);
        store.Write(LatchUpGuard.CountMirrorRecord, record);
    }

    private static uint? ReadOne(IPersistentStore store, string key, List<(string Record, string Reason)> refused)
    {
        if (!store.TryRead(key, out var record))
        {
            return null;
        }

        if (!CheckedRecord.TryUnwrap(record, out var payload, out string error))
        {
            refused.Add((key, error));
            return null;
        }

        if (payload.Length != 4)
        {
            refused.Add((key, $"payload is {payload.Length} bytes, expected 4"));
            return null;
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(payload);
    }
}
