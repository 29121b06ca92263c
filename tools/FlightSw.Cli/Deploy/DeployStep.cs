namespace FlightSw.Cli.Deploy;

/// <summary>The steps of <c>flightsw deploy</c>, in order; each names itself in progress lines and failures.</summary>
internal static class DeployStep
{
    /// <summary>Verify the given package, or build one.</summary>
    public const string Package = "package";

    /// <summary>Reach the host with ssh.</summary>
    public const string Reach = "reach";

    /// <summary>Check that systemd runs on the host (not with <c>--prefix</c>).</summary>
    public const string Systemd = "systemd";

    /// <summary>Copy the archive to a temporary folder on the host.</summary>
    public const string Copy = "copy";

    /// <summary>Unpack it and run <c>install.sh</c>.</summary>
    public const string Install = "install";

    /// <summary>Enable and start the unit, or start the node in the prefix.</summary>
    public const string Start = "start";

    /// <summary>Wait for the first housekeeping report over the link.</summary>
    public const string Telemetry = "telemetry";

    /// <summary>Every step, in order.</summary>
    public static readonly IReadOnlyList<string> All = [Package, Reach, Systemd, Copy, Install, Start, Telemetry];

    /// <summary>The progress line's head: <c>[2/7] reach</c>.</summary>
    public static string Head(string step) => $"[{IndexOf(step) + 1}/{All.Count}] {step}";

    /// <summary>The failure of <paramref name="step"/>: <c>step NAME failed: MESSAGE</c>, exit code <paramref name="exitCode"/>.</summary>
    public static CliException Failed(string step, int exitCode, string message) => new(exitCode, $"step {step} failed: {message}");

    private static int IndexOf(string step)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], step, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"no deploy step {step}", nameof(step));
    }
}
