namespace FlightSw.Link.Security;

/// <summary>
/// The anti-replay window of one key (in the spirit of the IPsec and SDLS windows): accepts a
/// sequence number above the highest accepted, or one of the <see cref="Size"/> - 1 numbers just
/// below it that has not been accepted yet; refuses a number already accepted
/// (<see cref="LinkRefusal.Replayed"/>) and one older than the window
/// (<see cref="LinkRefusal.OutsideWindow"/>).
/// </summary>
/// <remarks>
/// A window created from a persisted highest sequence treats the whole window below it as used,
/// since which of those numbers were accepted before the restart is not known. Sequence 0 is never
/// accepted (a fresh window's highest is 0), so a ground starts at 1. Not thread-safe.
/// </remarks>
public sealed class ReplayWindow
{
    /// <summary>Default window size: 64 sequence numbers, the highest included.</summary>
    public const int DefaultSize = 64;

    /// <summary>Largest window size.</summary>
    public const int MaxSize = 4096;

    private readonly ulong[] _seen;

    /// <summary>Creates a window whose highest accepted sequence is <paramref name="highestAccepted"/>.</summary>
    /// <param name="highestAccepted">Highest sequence accepted so far (0: none).</param>
    /// <param name="size">Sequence numbers in the window, the highest included: 1 to <see cref="MaxSize"/>; default <see cref="DefaultSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is outside 1 to <see cref="MaxSize"/>.</exception>
    public ReplayWindow(ulong highestAccepted = 0, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
        Size = size;
        Highest = highestAccepted;
        _seen = new ulong[(size + 63) / 64];
        Array.Fill(_seen, ulong.MaxValue);
    }

    /// <summary>Sequence numbers in the window, the highest included.</summary>
    public int Size { get; }

    /// <summary>The highest sequence accepted (0 when none).</summary>
    public ulong Highest { get; private set; }

    /// <summary>Whether <paramref name="sequence"/> would be accepted; records nothing.</summary>
    /// <returns><see cref="LinkRefusal.None"/>, <see cref="LinkRefusal.Replayed"/> or <see cref="LinkRefusal.OutsideWindow"/>.</returns>
    public LinkRefusal Check(ulong sequence)
    {
        if (sequence > Highest)
        {
            return LinkRefusal.None;
        }

        if (Highest - sequence >= (ulong)Size)
        {
            return LinkRefusal.OutsideWindow;
        }

        return IsSeen(sequence) ? LinkRefusal.Replayed : LinkRefusal.None;
    }

    /// <summary>Records <paramref name="sequence"/> as accepted, moving the window up when it is the new highest.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Check"/> refuses the sequence.</exception>
    public void Accept(ulong sequence)
    {
        var refusal = Check(sequence);
        if (refusal != LinkRefusal.None)
        {
            throw new InvalidOperationException($"Sequence {sequence} cannot be accepted ({refusal}); the highest accepted is {Highest}.");
        }

        if (sequence > Highest)
        {
            // Slots of the numbers skipped over now stand for unseen numbers of the new window.
            ulong advance = sequence - Highest;
            if (advance >= (ulong)Size)
            {
                Array.Clear(_seen);
            }
            else
            {
                for (ulong skipped = Highest + 1; skipped < sequence; skipped++)
                {
                    SetSeen(skipped, false);
                }
            }

            Highest = sequence;
        }

        SetSeen(sequence, true);
    }

    private bool IsSeen(ulong sequence)
    {
        int slot = Slot(sequence);
        return (_seen[slot >> 6] & (1UL << (slot & 63))) != 0;
    }

    private void SetSeen(ulong sequence, bool seen)
    {
        int slot = Slot(sequence);
        if (seen)
        {
            _seen[slot >> 6] |= 1UL << (slot & 63);
        }
        else
        {
            _seen[slot >> 6] &= ~(1UL << (slot & 63));
        }
    }

    private int Slot(ulong sequence) => (int)(sequence % (ulong)Size);
}
