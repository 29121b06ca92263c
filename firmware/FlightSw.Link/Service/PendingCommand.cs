using FlightSw.Core.Commands;
using FlightSw.Link.Security;

namespace FlightSw.Link.Service;

/// <summary>A verified flight telecommand waiting for the flight thread to dispatch it.</summary>
/// <param name="Telecommand">The telecommand as verified.</param>
/// <param name="Request">The command it carries.</param>
/// <param name="Port">The connection it came from, for messages.</param>
public sealed record PendingCommand(Telecommand Telecommand, CommandRequest Request, string Port);
