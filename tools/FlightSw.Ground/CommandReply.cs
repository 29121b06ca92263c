using FlightSw.Core.Commands;
using FlightSw.Link.Messages;
using FlightSw.Link.Security;

namespace FlightSw.Ground;

/// <summary>Everything the node answered to one flight command.</summary>
/// <param name="Request">The command as sent.</param>
/// <param name="Sequence">The anti-replay sequence number it was signed with.</param>
/// <param name="Acceptance">The acceptance report: TM(1,1) success or TM(1,2) failure.</param>
/// <param name="Completion">The completion report, TM(1,7) or TM(1,8); null when acceptance failed.</param>
/// <param name="Response">The outcome, in the dispatcher's terms: a refusal at acceptance is <see cref="CommandStatus.Rejected"/>.</param>
public sealed record CommandReply(CommandRequest Request, ulong Sequence, CommandAck Acceptance, CommandAck? Completion, CommandResponse Response)
{
    /// <summary>Why the link refused the command at acceptance; <see cref="LinkRefusal.None"/> when it was accepted.</summary>
    public LinkRefusal Refusal => Acceptance.IsFailure ? (LinkRefusal)Acceptance.Code : LinkRefusal.None;
}
