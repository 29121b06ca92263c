using FlightSw.Core.Commands;
using FlightSw.Link.Security;

namespace FlightSw.Ground.Tests.Fixtures;

/// <summary>How the <see cref="ScriptedNode"/> answers one flight command.</summary>
/// <param name="Refusal">Refuse it at acceptance with this reason; <see cref="LinkRefusal.None"/> accepts it.</param>
/// <param name="Status">How it completes, when it does.</param>
/// <param name="Message">The message of the refusal or completion.</param>
/// <param name="Completes">Whether a completion report follows the acceptance.</param>
/// <param name="Acknowledges">Whether anything is answered at all.</param>
internal sealed record NodeAnswer(LinkRefusal Refusal, CommandStatus Status, string Message, bool Completes = true, bool Acknowledges = true)
{
    public static NodeAnswer Complete(string message = "") => new(LinkRefusal.None, CommandStatus.Completed, message);

    public static NodeAnswer Fail(CommandStatus status, string message) => new(LinkRefusal.None, status, message);

    public static NodeAnswer Refuse(LinkRefusal refusal, string message) => new(refusal, CommandStatus.Rejected, message, Completes: false);

    public static NodeAnswer AcceptOnly() => new(LinkRefusal.None, CommandStatus.Completed, "", Completes: false);

    public static NodeAnswer Silent() => new(LinkRefusal.None, CommandStatus.Completed, "", Completes: false, Acknowledges: false);
}
