using FlightSw.Link.Security;

namespace FlightSw.Link.Service;

/// <summary>A verified simulation-control telecommand, for the simulated board's ground-clock loop.</summary>
/// <param name="Telecommand">The telecommand as verified.</param>
/// <param name="Connection">The connection to answer on.</param>
public sealed record SimControlRequest(Telecommand Telecommand, LinkConnection Connection);
