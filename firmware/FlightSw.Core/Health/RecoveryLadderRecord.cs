using System.Buffers.Binary;

namespace FlightSw.Core.Health;

/// <summary>
/// What the health monitor remembers across resets: how many warm resets and power cycles it
/// has asked for, and when it last asked for one, so that a fault a warm reset did not cure
/// climbs to a power cycle. Kept as one durable record of 16 bytes, little-endian.
/// </summary>
/// <param name="WarmResets">Warm resets the health monitor asked for, over the node's life.</param>
/// <param name="PowerCycles">Power cycles the health monitor asked for, over the node's life.</param>
/// <param name="LastResetAt">When it last asked for either; null when never.</param>
public sealed record RecoveryLadderRecord(uint WarmResets, uint PowerCycles, DateTimeOffset? LastResetAt)
{
    /// <summary>Name of the durable record.</summary>
    public const string RecordName = "health.ladder";

    private const int Length = 16;

    /// <summary>The record as bytes.</summary>
    public byte[] Serialize()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, WarmResets);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), PowerCycles);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), LastResetAt?.ToUnixTimeMilliseconds() ?? long.MinValue);
        return bytes;
    }

    /// <summary>Reads the bytes of <see cref="Serialize"/>; false with the reason when they are not a record.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out RecoveryLadderRecord record, out string error)
    {
        record = new RecoveryLadderRecord(0, 0, null);
        if (bytes.Length != Length)
        {
            error = $"payload is {bytes.Length} bytes, expected {Length}";
            return false;
        }

        long milliseconds = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
        DateTimeOffset? last = null;
        if (milliseconds != long.MinValue)
        {
            if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                error = $"last reset time {milliseconds} ms is out of range";
                return false;
            }

            last = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        record = new RecoveryLadderRecord(BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]), last);
        error = "";
        return true;
    }
}
