using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// The FlightSw build recorded in results and reports: the informational version (with the
/// commit the build came from) and a hash of the module version ids of every FlightSw assembly
/// the campaign engine runs (they change with any change to the code, committed or not, and not
/// otherwise: builds are deterministic and map the checkout's path away, so two clones of one
/// commit agree; a Debug and a Release build do not). Resume and merge refuse results of another build.
/// </summary>
public static class SoftwareVersion
{
    /// <summary>For example <c>1.0.0+4877987… build 3fa2c19e04b1</c>.</summary>
    public static string Current { get; } = $"{Informational()} build {BuildHash()}";

    private static string Informational() =>
        typeof(SoftwareVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SoftwareVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string BuildHash()
    {
        var modules = new SortedDictionary<string, Guid>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(SoftwareVersion).Assembly]);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            string name = assembly.GetName().Name ?? string.Empty;
            if (!modules.TryAdd(name, assembly.ManifestModule.ModuleVersionId))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("FlightSw.", StringComparison.Ordinal) == true || r.Name == "flightsw-node"))
            {
                if (!modules.ContainsKey(reference.Name!))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        string text = string.Join("\n", modules.Select(m => $"{m.Key} {m.Value:N}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }
}
