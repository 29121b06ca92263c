using System.Buffers.Binary;

namespace FlightSw.Core.Health;

/// <summary>
/// What the health monitor remembers across resets: how many warm resets and power cycles it
/// has asked for, and when and for which component it last asked for one, so that a fault a
/// warm reset did not cure climbs to a power cycle. Kept as one durable record: 16 bytes,
/// little-endian, then the component's name in UTF-8.
/// </summary>
/// <param name="WarmResets">Warm resets the health monitor asked for, over the node's life.</param>
/// <param name="PowerCycles">Power cycles the health monitor asked for, over the node's life.</param>
/// <param name="LastResetAt">When it last asked for either; null when never.</param>
/// <param name="LastResetFor">The component the last reset was for; empty when never.</param>
public sealed record RecoveryLadderRecord(uint WarmResets, uint PowerCycles, DateTimeOffset? LastResetAt, string LastResetFor = "")
{
    /// <summary>Name of the durable record.</summary>
    public const string RecordName = "health.ladder";

    private const int Length = 16;

    /// <summary>Longest component name kept, in bytes.</summary>
    private const int MaxNameBytes = 64;

    /// <summary>The record as bytes.</summary>
    public byte[] Serialize()
    {
        var name = System.Text.Encoding.UTF8.GetBytes(LastResetFor);
        var bytes = new byte[Length + Math.Min(name.Length, MaxNameBytes)];
        name.AsSpan(0, bytes.Length - Length).CopyTo(bytes.AsSpan(Length));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, WarmResets);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), PowerCycles);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), LastResetAt?.ToUnixTimeMilliseconds() ?? long.MinValue);
        return bytes;
    }

    /// <summary>Reads the bytes of <see cref="Serialize"/>; false with the reason when they are not a record.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out RecoveryLadderRecord record, out string error)
    {
        record = new RecoveryLadderRecord(0, 0, null);
        if (bytes.Length < Length || bytes.Length > Length + MaxNameBytes)
        {
            error = $"payload is {bytes.Length} bytes, expected {Length} to {Length + MaxNameBytes}";
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

        string component = System.Text.Encoding.UTF8.GetString(bytes[Length..]);
        record = new RecoveryLadderRecord(BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]), last, component);
        error = "";
        return true;
    }
}
