using FlightSw.Link.Messages;

namespace FlightSw.Ground;

/// <summary>
/// Telecommands awaiting their acknowledgements, keyed by signing key and anti-replay sequence
/// (unique per key, so an acknowledgement finds its command even when it was refused before the
/// node could parse it). Thread-safe.
/// </summary>
internal sealed class AcknowledgementTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ushort KeyId, ulong Sequence), PendingAcknowledgement> _pending = [];

    /// <summary>How many telecommands are awaiting acknowledgements.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Starts waiting for the acknowledgements of the telecommand signed with <paramref name="keyId"/> and <paramref name="sequence"/>; call before sending it.</summary>
    public PendingAcknowledgement Register(ushort keyId, ulong sequence)
    {
        var pending = new PendingAcknowledgement(keyId, sequence);
        lock (_gate)
        {
            _pending[(keyId, sequence)] = pending;
        }

        return pending;
    }

    /// <summary>Files <paramref name="ack"/> with its telecommand; false when no telecommand awaits it.</summary>
    public bool Record(CommandAck ack)
    {
        PendingAcknowledgement? pending;
        lock (_gate)
        {
            _pending.TryGetValue((ack.KeyId, ack.Sequence), out pending);
        }

        pending?.Record(ack);
        return pending is not null;
    }

    /// <summary>Stops waiting for <paramref name="pending"/>.</summary>
    public void Forget(PendingAcknowledgement pending)
    {
        lock (_gate)
        {
            _pending.Remove((pending.KeyId, pending.Sequence));
        }
    }
}
