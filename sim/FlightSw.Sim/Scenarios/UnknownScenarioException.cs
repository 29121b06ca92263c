namespace FlightSw.Sim.Scenarios;

/// <summary>A scenario was asked for by a name that has no file in the scenario catalog.</summary>
public sealed class UnknownScenarioException : Exception
{
    /// <summary>Creates the exception for <paramref name="requestedName"/>.</summary>
    /// <param name="requestedName">The name that was asked for.</param>
    /// <param name="available">The names the catalog does have, sorted.</param>
    public UnknownScenarioException(string requestedName, IReadOnlyList<string> available)
        : base(FormatMessage(requestedName, available))
    {
        RequestedName = requestedName;
        Available = available.ToArray();
    }

    /// <summary>The name that was asked for.</summary>
    public string RequestedName { get; }

    /// <summary>The scenario names the catalog has, sorted.</summary>
    public IReadOnlyList<string> Available { get; }

    private static string FormatMessage(string requestedName, IReadOnlyList<string> available)
    {
        ArgumentNullException.ThrowIfNull(requestedName);
        ArgumentNullException.ThrowIfNull(available);
        var list = available.Count == 0 ? "(none)" : string.Join(", ", available);
        return $"Unknown scenario '{requestedName}'. Available scenarios: {list}";
    }
}
