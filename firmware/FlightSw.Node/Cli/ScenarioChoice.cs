using System.Globalization;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Node.Cli;

/// <summary>Finds the scenario the command line names, and the run length it implies.</summary>
public static class ScenarioChoice
{
    /// <summary>Loads the scenario <paramref name="name"/> from the scenario catalogue; false with the reason (unknown name and the ones there are, or the file's errors).</summary>
    public static bool TryLoad(string name, out Scenario? scenario, out string error)
    {
        scenario = null;
        error = "";
        try
        {
            scenario = ScenarioCatalog.Locate().Load(name);
            return true;
        }
        catch (Exception ex) when (ex is UnknownScenarioException or ScenarioException or DirectoryNotFoundException or IOException)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The run length when the command line gives none: the scenario's duration in seconds, else <see cref="SimulatedDuration.Default"/>.</summary>
    public static string DefaultDuration(Scenario? scenario) => scenario?.Duration is { } duration
        ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
        : SimulatedDuration.Default;
}
