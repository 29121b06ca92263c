using System.Diagnostics;
using System.Text;

namespace FlightSw.Cli.Packaging;

/// <summary>
/// Publishes the node (<c>firmware/FlightSw.Node</c>) for one runtime with <c>dotnet publish</c>, run as a
/// child process from the repository root.
/// </summary>
internal static class NodePublisher
{
    /// <summary>The node's project, relative to the repository root.</summary>
    public const string ProjectPath = "firmware/FlightSw.Node/FlightSw.Node.csproj";

    /// <summary>How long a publish may take before it is stopped.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    /// <summary>The most error lines of a failed publish quoted in its message.</summary>
    private const int MaxQuotedErrors = 5;

    /// <summary>
    /// True for the runtimes published self-contained (<c>linux-arm64</c>, <c>linux-x64</c>); false for
    /// <c>linux-arm</c>, published framework-dependent because no self-contained linux-arm runtime pack is
    /// available here (the board then needs the .NET 10 runtime).
    /// </summary>
    public static bool IsSelfContained(string runtimeIdentifier) => runtimeIdentifier is not "linux-arm";

    /// <summary>
    /// True when the publish makes the native launcher <c>flightsw-node</c> (every self-contained runtime);
    /// false for <c>linux-arm</c>, whose launcher pack is not available here either: that package holds
    /// <c>flightsw-node.dll</c>, started as <c>/usr/bin/dotnet /opt/flightsw/flightsw-node.dll</c>.
    /// </summary>
    public static bool HasAppHost(string runtimeIdentifier) => IsSelfContained(runtimeIdentifier);

    /// <summary>
    /// The arguments after <c>dotnet</c>: <c>publish PROJECT -c Release -r RID --self-contained true|false
    /// -p:PublishTrimmed=false -p:UseAppHost=true|false -o OUTPUT --artifacts-path ARTIFACTS --disable-build-servers -nologo</c>. Not trimmed (see
    /// <see cref="BoardReadme.TrimmingNote"/>). The separate artifacts folder keeps the publish's
    /// intermediate files out of the checkout's <c>obj/</c> folders, so a package never races a build in
    /// the same checkout; build servers are off so no compiler server outlives the publish.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string runtimeIdentifier, string outputDirectory, string artifactsDirectory) =>
    [
        "publish", ProjectPath,
        "-c", "Release",
        "-r", runtimeIdentifier,
        "--self-contained", IsSelfContained(runtimeIdentifier) ? "true" : "false",
        "-p:PublishTrimmed=false",
        HasAppHost(runtimeIdentifier) ? "-p:UseAppHost=true" : "-p:UseAppHost=false",
        "-o", outputDirectory,
        "--artifacts-path", artifactsDirectory,
        "--disable-build-servers",
        "-nologo",
    ];

    /// <summary>
    /// Publishes the node for <paramref name="runtimeIdentifier"/> into <paramref name="outputDirectory"/>,
    /// with intermediate files under <paramref name="artifactsDirectory"/>; <paramref name="progress"/>
    /// gets the publish's output lines.
    /// </summary>
    /// <exception cref="CliException">dotnet is missing, the publish failed (the message quotes its errors) or timed out.</exception>
    public static void Publish(string repositoryRoot, string runtimeIdentifier, string outputDirectory, string artifactsDirectory, Action<string>? progress = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in Arguments(runtimeIdentifier, outputDirectory, artifactsDirectory))
        {
            start.ArgumentList.Add(arg);
        }

        // A publish started from inside another dotnet process (a test host, `dotnet run`) must not
        // inherit that process's MSBuild location.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var lines = new List<string>();
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            progress?.Invoke(e.Data);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliException(CliExitCodes.Failed, $"cannot start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CliException(CliExitCodes.Failed, $"cannot run {start.FileName} publish: {ex.Message} (is the .NET SDK installed and on PATH?)");
        }

        using (process)
        {
            process.OutputDataReceived += Collect;
            process.ErrorDataReceived += Collect;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new CliException(CliExitCodes.Failed, $"dotnet publish for {runtimeIdentifier} did not finish within {Timeout.TotalMinutes} minutes; stopped.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                List<string> copy;
                lock (lines)
                {
                    copy = [.. lines];
                }

                throw new CliException(CliExitCodes.Failed, $"dotnet publish for {runtimeIdentifier} failed (exit {process.ExitCode}): {Summarize(copy)}");
            }
        }
    }

    /// <summary>The distinct error lines of a failed publish (at most five), else its last output lines, joined into one line.</summary>
    public static string Summarize(IEnumerable<string> output)
    {
        var all = output.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var errors = all.Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.StartsWith("error", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var quoted = errors.Count > 0 ? errors : all.TakeLast(3).ToList();
        var text = new StringBuilder(string.Join(" | ", quoted.Take(MaxQuotedErrors)));
        if (quoted.Count > MaxQuotedErrors)
        {
            text.Append($" | ... and {quoted.Count - MaxQuotedErrors} more");
        }

        return quoted.Count == 0 ? "no output" : text.ToString();
    }

    /// <summary>The dotnet host running this tool when it is one (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> from PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
