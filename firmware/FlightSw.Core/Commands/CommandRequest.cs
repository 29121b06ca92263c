namespace FlightSw.Core.Commands;

/// <summary>A command as it arrives from the ground: a name and its arguments as text.</summary>
/// <param name="Command">Command name, for example <c>PRM_SET</c>.</param>
/// <param name="Arguments">Argument values as invariant-culture text, in declaration order.</param>
public sealed record CommandRequest(string Command, IReadOnlyList<string> Arguments)
{
    /// <summary>Creates a request from a name and arguments.</summary>
    public static CommandRequest Of(string command, params string[] arguments) => new(command, arguments);
}
