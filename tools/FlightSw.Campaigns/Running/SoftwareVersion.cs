using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// The FlightSw build recorded in results and reports: the informational version (with the
/// commit the build came from) and a hash of the module version ids of every FlightSw assembly
/// the campaign engine runs (they change with any change to the code, committed or not, and not
/// otherwise: builds are deterministic), and the vector units the kernels chose (their float
/// results can differ in the last bits between a 256-bit and a 512-bit path). Resume and merge
/// refuse results of another build or another kind of processor.
/// </summary>
public static class SoftwareVersion
{
    /// <summary>For example <c>1.0.0+4877987… build 3fa2c19e04b1 on x64 vector256 fma</c>.</summary>
    public static string Current { get; } = $"{Informational()} build {BuildHash()} on {Processor()}";

    private static string Processor()
    {
        int widest = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        bool fma = System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
        return $"{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()} vector{widest} vector<T>{Vector<byte>.Count * 8}{(fma ? " fma" : string.Empty)}";
    }

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
