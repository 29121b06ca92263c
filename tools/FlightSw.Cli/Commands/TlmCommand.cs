using System.CommandLine;
using FlightSw.Ground;
using Spectre.Console;

namespace FlightSw.Cli.Commands;

/// <summary>
/// <c>flightsw tlm</c>: the node's telemetry as a table, refreshed live on a terminal as samples
/// arrive; with <c>--once</c>, or into a file or pipe, one table after the first housekeeping
/// report.
/// </summary>
internal static class TlmCommand
{
    /// <summary>How long <c>--once</c> waits for the first housekeeping report unless <c>--duration</c> says otherwise: 10 s.</summary>
    public static readonly TimeSpan DefaultFirstReportTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Longest the live table goes without a redraw: 250 ms.</summary>
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var channels = new Argument<string[]>("channels")
        {
            Description = "Channels to show: names, or prefixes ending in * (e.g. POWER_*); default all",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var node = CommonOptions.Node();
        var keyFile = CommonOptions.KeyFile();
        var once = new Option<bool>("--once") { Description = "Print one table after the first housekeeping report and exit (also the behaviour when output is redirected)" };
        var duration = new Option<double?>("--duration")
        {
            Description = "Seconds to watch before exiting (default: until Ctrl+C); with --once, how long to wait for the first report (default 10)",
        };
        var command = new Command("tlm", "Shows the node's live telemetry: name, value, unit, updates and board time of every channel.")
        {
            channels, node, keyFile, once, duration,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(CommandGuard.Run(env, () => Run(
            ChannelFilter.Of(parse.GetValue(channels) ?? []),
            parse.GetValue(node),
            parse.GetValue(keyFile),
            parse.GetValue(once),
            parse.GetValue(duration) is double seconds ? Seconds.Require(seconds, "--duration", double.MaxValue) : null,
            env,
            cancellation))));
        return command;
    }

    /// <summary>Connects and shows the telemetry; the exit code.</summary>
    public static int Run(ChannelFilter filter, string? node, string? keyFile, bool once, TimeSpan? duration, CliEnvironment env, CancellationToken cancellation)
    {
        var address = NodeAddress.Parse(node);
        var keys = KeySource.Load(keyFile, env);
        using var client = address.Connect(new GroundClientOptions { Keys = keys });
        filter.RequireMatches(client.Dictionary);
        var console = CliConsole.Create(env);
        if (once || !env.Interactive)
        {
            var limit = duration ?? DefaultFirstReportTimeout;
            if (!client.WaitFor(() => cancellation.IsCancellationRequested || client.LatestAll().Count > 0, limit))
            {
                RequireOpen(client, address);
                throw new CliException(CliExitCodes.NoAnswer, $"no housekeeping report from {address} within {Seconds.Format(limit)}.");
            }

            cancellation.ThrowIfCancellationRequested();
            console.Write(Build(client, filter));
            return CliExitCodes.Ok;
        }

        return Live(client, filter, address, console, duration, cancellation);
    }

    private static int Live(GroundClient client, ChannelFilter filter, NodeAddress address, IAnsiConsole console, TimeSpan? duration, CancellationToken cancellation)
    {
        int changed = 1;
        client.TelemetryReceived += _ => Volatile.Write(ref changed, 1);
        long start = TimeProvider.System.GetTimestamp();
        // A table taller than the terminal keeps its top rows (a filter shows the rest).
        console.Live(Build(client, filter)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Bottom).Start(context =>
        {
            while (!cancellation.IsCancellationRequested && client.IsConnected
                && (duration is not { } limit || TimeProvider.System.GetElapsedTime(start) < limit))
            {
                client.WaitFor(() => Volatile.Read(ref changed) != 0 || cancellation.IsCancellationRequested, RefreshPeriod);
                if (Interlocked.Exchange(ref changed, 0) != 0)
                {
                    context.UpdateTarget(Build(client, filter));
                }
            }
        });

        if (cancellation.IsCancellationRequested)
        {
            return CliExitCodes.Interrupted;
        }

        RequireOpen(client, address);
        return CliExitCodes.Ok;
    }

    private static Table Build(GroundClient client, ChannelFilter filter)
    {
        var status = client.Status;
        return TelemetryTable.Build(client.Dictionary, client.LatestAll(), $"{status.Node} on {status.Board}", filter.Shows);
    }

    private static void RequireOpen(GroundClient client, NodeAddress address)
    {
        if (!client.IsConnected)
        {
            throw new CliException(CliExitCodes.NoAnswer, $"the link to {address} closed: {client.CloseReason}.");
        }
    }

}
