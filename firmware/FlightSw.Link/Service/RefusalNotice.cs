using FlightSw.Link.Security;

namespace FlightSw.Link.Service;

/// <summary>A refused telecommand, for the link component to report as an event on the flight thread.</summary>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Port">The connection it came from.</param>
/// <param name="KeyId">The key id it named (0 when it named none).</param>
/// <param name="Sequence">Its anti-replay sequence number (0 when it carried none).</param>
/// <param name="Detail">A sentence for the operator.</param>
public sealed record RefusalNotice(LinkRefusal Reason, string Port, ushort KeyId, ulong Sequence, string Detail);
