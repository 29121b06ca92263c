using System.Text;
using FlightSw.Hal;

namespace FlightSw.Core.Boot;

/// <summary>
/// What the node remembers of its boots across resets and power loss: the boot count, totals
/// per reset cause, the last <see cref="Capacity"/> boots, a reset the software asked for and
/// has not yet seen happen, and the boot up to which boot-loop protection was cleared by command.
/// Kept as one durable record; <see cref="Serialize"/> and <see cref="TryParse"/> are its format.
/// </summary>
public sealed class ResetHistory
{
    /// <summary>How many boots the history keeps.</summary>
    public const int Capacity = 16;

    /// <summary>Longest reason kept, in characters; longer ones are clipped.</summary>
    public const int MaxReasonLength = 160;

    private const byte FormatVersion = 1;
    private static readonly int CauseSlots = Enum.GetValues<ResetCause>().Max(c => (int)c) + 1;

    private readonly List<ResetHistoryEntry> _entries = [];
    private uint[] _totals = new uint[CauseSlots];

    /// <summary>Boots recorded since the history was first written.</summary>
    public uint BootCount { get; private set; }

    /// <summary>Boots up to and including this number no longer count towards boot-loop protection.</summary>
    public uint ClearedThroughBoot { get; set; }

    /// <summary>The reset the software last asked for, until the next boot consumes it.</summary>
    public ResetRequest? Pending { get; set; }

    /// <summary>The most recent boots, oldest first.</summary>
    public IReadOnlyList<ResetHistoryEntry> Entries => _entries;

    /// <summary>Boots that started for <paramref name="cause"/>, over the whole history.</summary>
    public uint TotalOf(ResetCause cause) => (int)cause < _totals.Length ? _totals[(int)cause] : 0;

    /// <summary>Records a new boot that started for <paramref name="cause"/>; returns its entry.</summary>
    public ResetHistoryEntry Append(ResetCause cause, string reason, DateTimeOffset startedAt)
    {
        BootCount = BootCount == uint.MaxValue ? BootCount : BootCount + 1;
        if ((int)cause < _totals.Length && _totals[(int)cause] < uint.MaxValue)
        {
            _totals[(int)cause]++;
        }

        var entry = new ResetHistoryEntry(BootCount, cause, Clip(reason), startedAt);
        _entries.Add(entry);
        if (_entries.Count > Capacity)
        {
            _entries.RemoveAt(0);
        }

        return entry;
    }

    /// <summary>
    /// The boots that count towards boot-loop protection at <paramref name="now"/>: those after
    /// <see cref="ClearedThroughBoot"/> that the environment did not cause (power-on, brownout
    /// recovery and latch-up power cycles are not failures of the software), and
    /// started within <paramref name="window"/> of now. A boot stamped later than now counts too:
    /// a board without a battery-backed clock may have gone back in time.
    /// </summary>
    public IReadOnlyList<ResetHistoryEntry> CountedResets(DateTimeOffset now, TimeSpan window) =>
        _entries.Where(e => e.Boot > ClearedThroughBoot
                && e.Cause is not (ResetCause.PowerOn or ResetCause.Brownout or ResetCause.LatchUpPowerCycle)
                && (e.StartedAt > now || now - e.StartedAt <= window))
            .ToArray();

    /// <summary>The history as bytes, for the durable record.</summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(BootCount);
            writer.Write(ClearedThroughBoot);
            writer.Write((byte)_totals.Length);
            foreach (uint total in _totals)
            {
                writer.Write(total);
            }

            writer.Write(Pending is not null);
            if (Pending is { } pending)
            {
                writer.Write((byte)pending.Cause);
                writer.Write(Clip(pending.Reason));
            }

            writer.Write((byte)_entries.Count);
            foreach (var entry in _entries)
            {
                writer.Write(entry.Boot);
                writer.Write((byte)entry.Cause);
                writer.Write(entry.StartedAt.ToUnixTimeMilliseconds());
                writer.Write(entry.Reason);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a history written by <see cref="Serialize"/>; false with the reason when the bytes are not one.</summary>
    public static bool TryParse(byte[] payload, out ResetHistory history, out string error)
    {
        ArgumentNullException.ThrowIfNull(payload);
        history = new ResetHistory();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
            byte version = reader.ReadByte();
            if (version != FormatVersion)
            {
                error = $"format version {version}, expected {FormatVersion}";
                return false;
            }

            history.BootCount = reader.ReadUInt32();
            history.ClearedThroughBoot = reader.ReadUInt32();
            int slots = reader.ReadByte();
            var totals = new uint[Math.Max(slots, CauseSlots)];
            for (int i = 0; i < slots; i++)
            {
                totals[i] = reader.ReadUInt32();
            }

            history._totals = totals;
            if (reader.ReadBoolean())
            {
                history.Pending = new ResetRequest((ResetCause)reader.ReadByte(), reader.ReadString());
            }

            int count = reader.ReadByte();
            if (count > Capacity)
            {
                error = $"{count} entries, more than the {Capacity} kept";
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                uint boot = reader.ReadUInt32();
                var cause = (ResetCause)reader.ReadByte();
                var startedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
                history._entries.Add(new ResetHistoryEntry(boot, cause, reader.ReadString(), startedAt));
            }

            if (reader.BaseStream.Position != payload.Length)
            {
                error = $"{payload.Length - reader.BaseStream.Position} bytes left over after the last entry";
                return false;
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentOutOfRangeException or FormatException)
        {
            history = new ResetHistory();
            error = $"unreadable ({ex.Message})";
            return false;
        }

        error = "";
        return true;
    }

    private static string Clip(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 3)] + "...";
}
