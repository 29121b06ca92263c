using FlightSw.Sim.Environment;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Node.Cli;

/// <summary>
/// Parses a run length: a number with a unit (<c>3orbits</c>, <c>1orbit</c>, <c>90s</c>,
/// <c>15m</c>, <c>6h</c>, <c>2d</c>) or a time span (<c>01:30:00</c>), in the forms of
/// <see cref="ScenarioTime"/>. An orbit is one period of the scenario's orbit, or of the
/// reference 500 km orbit (94.6 min) without a scenario.
/// </summary>
public static class SimulatedDuration
{
    /// <summary>The default run: three orbits.</summary>
    public const string Default = "3orbits";

    /// <summary>Parses <paramref name="text"/> with orbits of the reference 500 km orbit; false with a reason naming the accepted forms.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error) =>
        TryParse(text, CircularOrbit.Leo500.Period, out duration, out error);

    /// <summary>Parses <paramref name="text"/> with orbits of <paramref name="orbitPeriod"/>; false with a reason naming the accepted forms.</summary>
    public static bool TryParse(string text, TimeSpan orbitPeriod, out TimeSpan duration, out string error) =>
        ScenarioTime.TryParseDuration(text, orbitPeriod, out duration, out error);
}
