using System.Globalization;
using System.Runtime.InteropServices;
using FlightSw.Edac.Kernels;
using FlightSw.Hal.Boards;
using FlightSw.Link.Service;
using FlightSw.Node.Link;
using FlightSw.Node.Payload;
using FlightSw.Node.Simulation;
using FlightSw.Sim;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Time;
using Spectre.Console;

namespace FlightSw.Node.Cli;

/// <summary>
/// Runs the node as the command line asks: loads the board file, picks the backend, flies the
/// image and prints the summary. The summary goes to standard output and depends only on the
/// board, seed and duration; wall-clock figures go to standard error.
/// </summary>
public static class NodeRunner
{
    /// <summary>Simulated time between two updates of the live status line, running as fast as possible.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromMinutes(1);

    /// <summary>Simulated time between two updates of the live status line, paced at wall-clock speed.</summary>
    public static readonly TimeSpan RealtimeStatusInterval = TimeSpan.FromSeconds(1);

    /// <summary>Simulated time the first boot may take before a ground-clock run serves the ground.</summary>
    public static readonly TimeSpan GroundClockBootLimit = TimeSpan.FromMinutes(1);

    /// <summary>Runs the node; returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(NodeOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);

        BoardDefinition definition;
        try
        {
            definition = BoardCatalog.Locate().Load(options.Board);
        }
        catch (Exception ex) when (ex is UnknownBoardException or BoardDefinitionException or DirectoryNotFoundException or FileNotFoundException)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }

        switch (definition.Backend)
        {
            case BoardBackend.Sim:
                return RunSimulated(definition, options, console, error, cancellation);
            case BoardBackend.Linux:
                return LinuxNodeRunner.Run(definition, error, cancellation, options.Link);
            default:
                error.WriteLine(
                    $"Board '{definition.Name}' ({definition.Description}) needs the Meadow backend, which is built only where the Wilderness Labs Meadow SDK is installed; it is not in this build. " +
                    "Run the node on the simulated board with --board sim.");
                return ExitCodes.BackendUnavailable;
        }
    }

    /// <summary>
    /// Runs the built-in self test of the ECC kernels (<see cref="EccSelfTest"/>) and prints
    /// one line per kernel to <paramref name="output"/>: name, supported or not, PASS, FAIL or
    /// SKIP, and the detail. The verdict goes to <paramref name="error"/>. Returns
    /// <see cref="ExitCodes.Ok"/> when every kernel this processor can run passed, otherwise
    /// <see cref="ExitCodes.SelfTestFailed"/>. Needs no board, so it runs the same at bring-up.
    /// </summary>
    public static int RunSelfTest(int seed, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var results = EccSelfTest.Run(seed);
        int width = results.Max(result => result.Kernel.Length);
        foreach (var result in results)
        {
            string status = !result.Supported ? "SKIP" : result.Passed ? "PASS" : "FAIL";
            output.WriteLine($"{result.Kernel.PadRight(width)}  {(result.Supported ? "supported" : "unsupported"),-11}  {status}  {result.Detail}");
        }

        bool passed = EccSelfTest.AllPassed(results);
        error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ECC kernel self test on {RuntimeInformation.ProcessArchitecture} (seed {seed}): {(passed ? "every supported kernel passed" : "FAILED")}; the fastest supported kernel is {EccKernels.Best.Name}."));
        return passed ? ExitCodes.Ok : ExitCodes.SelfTestFailed;
    }

    private static int RunSimulated(BoardDefinition definition, NodeOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        if (!TryLoadPayload(error, out var payload))
        {
            return ExitCodes.BadInput;
        }

        var scenario = options.Scenario;
        if (scenario is not null && options.UpsetRate > 0)
        {
            scenario = scenario with { Radiation = scenario.Radiation with { UpsetRatePerBitPerDay = options.UpsetRate } };
        }

        var hardware = new SimHardwareOptions { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = options.UpsetRate }, Scenario = scenario };
        NodeLink? link = null;
        LinkComponent? linkComponent = null;
        using var node = new SimulatedNode(definition, options.Seed, hardware, board =>
        {
            var app = FlightImage.Compose(board, payload: payload, link: link?.Service);
            linkComponent = app.FindComponent(LinkComponent.ComponentName) as LinkComponent;
            return app;
        });
        var linkOptions = options.Link ?? NodeLinkOptions.None;
        if (!NodeLink.TryOpen(definition, linkOptions, node.Clock, error, out link))
        {
            return ExitCodes.BadInput;
        }

        using var openLink = link;
        if (link is not null)
        {
            node.Booted += link.OnBooted;
        }

        var pacer = options.Realtime ? new WallClockPacer(TimeProvider.System) : null;
        long wallStart = TimeProvider.System.GetTimestamp();
        node.PowerOn();

        bool interrupted = false;
        void RunAll(Action<string>? status)
        {
            while (node.Clock.Elapsed < options.Duration)
            {
                if (cancellation.IsCancellationRequested)
                {
                    interrupted = true;
                    return;
                }

                var next = node.Clock.Elapsed + (options.Realtime ? RealtimeStatusInterval : StatusInterval);
                node.Clock.RunUntil(next < options.Duration ? next : options.Duration, pacer);
                status?.Invoke(StatusLine(node, options.Duration, TimeProvider.System.GetElapsedTime(wallStart)));
            }
        }

        try
        {
            if (linkOptions.GroundClock)
            {
                // The first boot runs before the ground is served, so the link has the flight
                // software's dictionary to give; then the ground steps virtual time until it hangs up.
                if (!node.RunUntil(() => node.Application is { IsRunning: true }, GroundClockBootLimit))
                {
                    error.WriteLine($"The flight software did not boot within {GroundClockBootLimit.TotalSeconds:0} simulated seconds; there is nothing for the ground to drive.");
                    return ExitCodes.Crashed;
                }

                interrupted = !new GroundClock(node, link!.Service, () => linkComponent).Serve(cancellation);
            }
            else if (console.Profile.Capabilities.Interactive)
            {
                console.Status().Start("Booting", context => RunAll(text => context.Status(Markup.Escape(text))));
            }
            else
            {
                RunAll(null);
            }
        }
        catch (Exception ex)
        {
            error.WriteLine($"The flight software crashed at simulated time {node.Clock.Elapsed}: {ex}");
            return ExitCodes.Crashed;
        }

        SummaryTable.Write(console, node.Summarize(node.Clock.Elapsed));
        var wall = TimeProvider.System.GetElapsedTime(wallStart);
        error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Simulated {node.Clock.Elapsed.TotalSeconds:N0} s in {wall.TotalSeconds:0.00} s of wall time ({node.Clock.Elapsed / Max(wall):N0}x real time)."));
        return interrupted ? ExitCodes.Interrupted : ExitCodes.Ok;
    }

    /// <summary>
    /// Reads the payload once, before flight, on every backend: the images manifest and the
    /// inference manifest with the model (checksum verified, loaded once to prove it flies) and
    /// its samples. A malformed manifest or a refused file is bad input (its message goes to
    /// <paramref name="error"/>), not a crash at boot.
    /// </summary>
    internal static bool TryLoadPayload(TextWriter error, out FlightPayload payload)
    {
        try
        {
            payload = FlightPayload.Load(PayloadImageManifest.DefaultDirectory());
            return true;
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine(ex.Message);
            payload = FlightPayload.None;
            return false;
        }
    }

    private static string StatusLine(SimulatedNode node, TimeSpan end, TimeSpan wall)
    {
        var app = node.Application;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"t = {node.Clock.Elapsed:d\\.hh\\:mm\\:ss} of {end:d\\.hh\\:mm\\:ss} | boot {node.Hardware.Boots} | {app?.Modes.Current.ToString().ToUpperInvariant() ?? "OFF"} | " +
            $"{node.Statistics.Ticks(app):N0} ticks | {node.Statistics.Slips(app)} slips | {node.Clock.Elapsed / Max(wall):N0}x");
    }

    private static TimeSpan Max(TimeSpan wall) => wall > TimeSpan.FromMilliseconds(1) ? wall : TimeSpan.FromMilliseconds(1);
}
