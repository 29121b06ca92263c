using System.Reflection;

namespace FlightSw.Campaigns.Running;

/// <summary>The FlightSw version recorded in results and reports.</summary>
public static class SoftwareVersion
{
    /// <summary>The campaign engine's informational version (with the commit it was built from, when the build knew it).</summary>
    public static string Current { get; } =
        typeof(SoftwareVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SoftwareVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
