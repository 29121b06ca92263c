using FlightSw.Link.Messages;

namespace FlightSw.Ground;

/// <summary>The acknowledgements received so far for one telecommand, set by the receive thread.</summary>
internal sealed class PendingAcknowledgement
{
    private CommandAck? _acceptance;
    private CommandAck? _completion;

    public PendingAcknowledgement(ushort keyId, ulong sequence)
    {
        KeyId = keyId;
        Sequence = sequence;
    }

    /// <summary>The key the telecommand was signed with.</summary>
    public ushort KeyId { get; }

    /// <summary>Its anti-replay sequence.</summary>
    public ulong Sequence { get; }

    /// <summary>TM(1,1) or TM(1,2), once received.</summary>
    public CommandAck? Acceptance => Volatile.Read(ref _acceptance);

    /// <summary>TM(1,7) or TM(1,8), once received.</summary>
    public CommandAck? Completion => Volatile.Read(ref _completion);

    /// <summary>Records <paramref name="ack"/> in its stage; a repeated report of a stage keeps the first.</summary>
    public void Record(CommandAck ack)
    {
        if (ack.IsAcceptance)
        {
            Interlocked.CompareExchange(ref _acceptance, ack, null);
        }
        else
        {
            Interlocked.CompareExchange(ref _completion, ack, null);
        }
    }
}
