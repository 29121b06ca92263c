namespace FlightSw.Node.Link;

/// <summary>The node's link options from the command line.</summary>
/// <param name="Endpoints">Where to listen: <c>tcp</c>, <c>tcp:PORT</c>, <c>tcp:ADDRESS:PORT</c>, <c>serial:DEVICE[:BAUD]</c>; empty for the board's configuration (on the simulated board: no link).</param>
/// <param name="KeyFile">The telecommand key file; null for the board's, else <c>$FLIGHTSW_KEY_FILE</c>, else none.</param>
/// <param name="InsecureDevelopmentLink">Accept the development key (unauthenticated commanding).</param>
/// <param name="GroundClock">On the simulated board, let virtual time advance only when the ground asks (simulation control), so a HIL run over the link is deterministic.</param>
public sealed record NodeLinkOptions(IReadOnlyList<string> Endpoints, string? KeyFile = null, bool InsecureDevelopmentLink = false, bool GroundClock = false)
{
    /// <summary>Environment variable naming the key file when neither the command line nor the board does.</summary>
    public const string KeyFileVariable = "FLIGHTSW_KEY_FILE";

    /// <summary>No link options given.</summary>
    public static NodeLinkOptions None { get; } = new([]);

    /// <summary>Whether any link option asks for a link.</summary>
    public bool Requested => Endpoints.Count > 0 || GroundClock;
}
