using System.Buffers.Binary;
using FlightSw.Core.Storage;

namespace FlightSw.Link.Service;

/// <summary>
/// The highest accepted anti-replay sequence per key, kept in a durable record so that a node
/// restarted (or reset) never accepts a replay of a command it accepted before.
/// </summary>
public static class ReplayStateRecord
{
    /// <summary>Name of the durable record.</summary>
    public const string Name = "link.seq";

    /// <summary>Reads the persisted sequences; empty when none were stored or the record is unsound.</summary>
    public static IReadOnlyList<KeyValuePair<ushort, ulong>> Read(DurableRecordStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.TryRead(Name, out byte[] payload) || payload.Length < 1 || payload.Length != 1 + (payload[0] * 10))
        {
            return [];
        }

        var result = new KeyValuePair<ushort, ulong>[payload[0]];
        for (int i = 0; i < result.Length; i++)
        {
            var entry = payload.AsSpan(1 + (i * 10), 10);
            result[i] = new(BinaryPrimitives.ReadUInt16BigEndian(entry), BinaryPrimitives.ReadUInt64BigEndian(entry[2..]));
        }

        return result;
    }

    /// <summary>Stores <paramref name="sequences"/> (at most 255 keys).</summary>
    public static void Write(DurableRecordStore store, IReadOnlyList<KeyValuePair<ushort, ulong>> sequences)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sequences);
        int count = Math.Min(sequences.Count, byte.MaxValue);
        var payload = new byte[1 + (count * 10)];
        payload[0] = (byte)count;
        for (int i = 0; i < count; i++)
        {
            var entry = payload.AsSpan(1 + (i * 10), 10);
            BinaryPrimitives.WriteUInt16BigEndian(entry, sequences[i].Key);
            BinaryPrimitives.WriteUInt64BigEndian(entry[2..], sequences[i].Value);
        }

        store.Write(Name, payload);
    }
}
