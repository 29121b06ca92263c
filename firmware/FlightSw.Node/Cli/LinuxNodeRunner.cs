using System.Runtime.InteropServices;
using FlightSw.Core.Application;
using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Linux;
using FlightSw.Node.Link;
using FlightSw.Node.Payload;
using NLog;

namespace FlightSw.Node.Cli;

/// <summary>
/// Flies the node on an embedded Linux board, as a systemd service (Type=notify): opens the
/// board, starts the flight image, tells systemd READY=1 and runs until SIGTERM or SIGINT (an
/// orderly stop) or until the flight software asks for a reset.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Missing devices: every one is named with its remedy, nothing starts, exit
/// <see cref="ExitCodes.HardwareMissing"/>.</item>
/// <item>Orderly stop: STOPPING=1, the application stops (the health monitor magic-closes the
/// watchdog), the run is recorded as stopped in order; exit 0 on SIGTERM, 130 on SIGINT.</item>
/// <item>Warm reset: the process exits with <see cref="ExitCodes.WarmReset"/> without stopping
/// anything, so the watchdog stays armed; systemd's Restart=on-failure starts it again, and if
/// it does not, the watchdog resets the board.</item>
/// <item>Power cycle: <c>systemctl reboot</c>, then the orderly stop when systemd's SIGTERM
/// comes. If the reboot cannot start, the process exits as for a warm reset.</item>
/// </list>
/// Resets are carried out here, on the main thread, after the component that asked has returned.
/// </remarks>
public static class LinuxNodeRunner
{
    private static readonly Logger Log = LogManager.GetLogger("FlightSw.Node.Linux");

    /// <summary>Runs the node on the Linux board <paramref name="definition"/>; returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(BoardDefinition definition, TextWriter error, CancellationToken cancellation, NodeLinkOptions? link = null) =>
        Run(definition, new LinuxBoardOptions(), new SystemLinuxHost(), error, cancellation, link);

    /// <summary><see cref="Run(BoardDefinition, TextWriter, CancellationToken, NodeLinkOptions)"/> with the system's paths and the host that reboots given.</summary>
    internal static int Run(BoardDefinition definition, LinuxBoardOptions options, ILinuxHost system, TextWriter error, CancellationToken cancellation, NodeLinkOptions? link = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(error);

        // Read before the board opens: a bad manifest is bad input, not a crashed run.
        if (!NodeRunner.TryLoadPayload(error, out var payload))
        {
            return ExitCodes.BadInput;
        }

        var resets = new PendingResetHost();
        LinuxBoard board;
        try
        {
            board = LinuxBoard.Open(definition, options with { Host = resets });
        }
        catch (LinuxBoardException ex)
        {
            Log.Error("Board {Board} not opened: {Problems}", definition.Name, ex.Message);
            error.WriteLine(ex.Message);
            error.WriteLine("Nothing was started. To fly the simulated board instead, use --board sim.");
            return ExitCodes.HardwareMissing;
        }

        // The link (the board file's, unless the command line says otherwise) listens before the
        // software boots, so the ground sees this boot's first events.
        if (!NodeLink.TryOpen(definition, link ?? NodeLinkOptions.None, board.Time, error, out var nodeLink))
        {
            board.Dispose();
            return ExitCodes.BadInput;
        }

        using var openLink = nodeLink;
        var stop = new TaskCompletionSource<PosixSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // stop in order instead of being killed
            stop.TrySetResult(context.Signal);
        }

        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var cancelled = cancellation.Register(() => stop.TrySetResult(PosixSignal.SIGINT));

        FlightApplication app;
        try
        {
            app = FlightImage.Compose(board, payload: payload, link: nodeLink?.Service);
            app.Start();
            nodeLink?.OnBooted(app);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Left marked as running: the next start reports Crash, as it should.
            Log.Fatal(ex, "The flight software crashed at boot on {Board}", definition.Name);
            error.WriteLine($"The flight software crashed at boot: {ex}");
            board.Dispose();
            return ExitCodes.Crashed;
        }

        string status = $"Flying on {definition.Name}, reset cause {app.Boot.ResetCause}{(app.Boot.IsSafeBoot ? $", SAFE boot: {app.Boot.SafeBootReason}" : "")}";
        board.Notifier.Ready(status);
        Log.Info(
            "{Status}; watchdog {Device} at {TimeoutS} s; systemd {Systemd}, watchdog interval {IntervalS} s",
            status, board.HardwareWatchdog.DevicePath, board.Watchdog.Timeout.TotalSeconds,
            board.Notifier.SocketAddress ?? "not notified", board.Notifier.WatchdogInterval?.TotalSeconds);
        error.WriteLine(status);

        bool resetRequested = Task.WaitAny(stop.Task, resets.Requested) == 1;

        // Let the cycle that asked (and anything else it asks for) finish, then act on the highest request.
        app.Halt();
        if (resetRequested && CarryOut(resets.Pending!, board, system, error) is { } exitCode)
        {
            return exitCode;
        }

        return StopInOrder(app, board, stop.Task.GetAwaiter().GetResult(), error);
    }

    /// <summary>Carries out a reset request; the exit code when the process must end now, null to wait for systemd's SIGTERM.</summary>
    private static int? CarryOut(LinuxResetRequest request, LinuxBoard board, ILinuxHost system, TextWriter error)
    {
        if (request.Cause == ResetCause.CommandedPowerCycle)
        {
            try
            {
                Log.Warn("Power cycle requested ({Reason}): rebooting the board", request.Reason);
                board.Notifier.Status($"Rebooting: {request.Reason}");
                system.Reboot(request.Reason);
                return null;
            }
            catch (IOException ex)
            {
                Log.Error(ex, "Reboot failed; restarting the process instead");
                error.WriteLine($"Power cycle requested ({request.Reason}) but the reboot failed: {ex.Message} Restarting the process instead.");
            }
        }

        // No orderly stop, no magic close: the watchdog stays armed while systemd restarts us.
        Log.Warn("Warm reset requested ({Reason}): exiting with {Code} for systemd to restart the node", request.Reason, ExitCodes.WarmReset);
        board.Notifier.Status($"Warm reset: {request.Reason}");
        error.WriteLine($"Warm reset requested ({request.Reason}); exiting with {ExitCodes.WarmReset} for systemd to restart the node.");
        return ExitCodes.WarmReset;
    }

    private static int StopInOrder(FlightApplication app, LinuxBoard board, PosixSignal signal, TextWriter error)
    {
        Log.Info("Stopping in order on {Signal}", signal);
        board.Notifier.Stopping();
        try
        {
            app.Stop();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.Fatal(ex, "The orderly stop failed");
            error.WriteLine($"The orderly stop failed: {ex}");
            board.Dispose();
            return ExitCodes.Crashed;
        }

        board.ResetController.RecordOrderlyStop();
        board.Dispose();
        error.WriteLine($"Stopped in order on {signal}.");
        return signal == PosixSignal.SIGTERM ? ExitCodes.Ok : ExitCodes.Interrupted;
    }
}
