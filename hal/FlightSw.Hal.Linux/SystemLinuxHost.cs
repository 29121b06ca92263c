using System.ComponentModel;
using System.Diagnostics;

namespace FlightSw.Hal.Linux;

/// <summary>
/// The host actions as the operating system does them: a warm reset ends the process at once
/// with <see cref="RestartExitCode"/>; a reboot runs <c>systemctl reboot</c>.
/// </summary>
/// <remarks>
/// A reboot restarts the processor with the supply still on. A true power cycle, which is what
/// clears a latch-up, needs hardware that switches the board's supply (an external load switch
/// or the power system's command); this host cannot do that.
/// </remarks>
public sealed class SystemLinuxHost : ILinuxHost
{
    /// <summary>
    /// Exit code of a warm reset: 75 (EX_TEMPFAIL, "try again"). Any non-zero code makes
    /// systemd's Restart=on-failure start the service again.
    /// </summary>
    public const int RestartExitCode = 75;

    private readonly string _rebootCommand;
    private readonly string[] _rebootArguments;

    /// <summary>A host that reboots with <c>systemctl reboot</c>.</summary>
    public SystemLinuxHost()
        : this("systemctl", "reboot")
    {
    }

    /// <summary>A host that reboots by running <paramref name="rebootCommand"/> with <paramref name="rebootArguments"/>.</summary>
    public SystemLinuxHost(string rebootCommand, params string[] rebootArguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(rebootCommand);
        ArgumentNullException.ThrowIfNull(rebootArguments);
        _rebootCommand = rebootCommand;
        _rebootArguments = rebootArguments;
    }

    /// <summary>The reboot command line, for messages.</summary>
    public string RebootCommandLine => string.Join(' ', [_rebootCommand, .. _rebootArguments]);

    /// <inheritdoc />
    /// <remarks>Does not return: the process exits with <see cref="RestartExitCode"/>.</remarks>
    public void RestartProcess(string reason) => Environment.Exit(RestartExitCode);

    /// <inheritdoc />
    /// <remarks>Waits for the command, which only queues the reboot; systemd then stops every service, this one included.</remarks>
    public void Reboot(string reason)
    {
        var start = new ProcessStartInfo(_rebootCommand, _rebootArguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(start) ?? throw new IOException($"'{RebootCommandLine}' did not start.");
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new IOException($"'{RebootCommandLine}' failed with exit code {process.ExitCode}: {output.Trim()}");
            }
        }
        catch (Win32Exception ex)
        {
            throw new IOException($"Cannot run '{RebootCommandLine}': {ex.Message}", ex);
        }
    }
}
