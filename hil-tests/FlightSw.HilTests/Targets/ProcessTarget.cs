using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.RegularExpressions;
using FlightSw.Core.Commands;
using FlightSw.Ground;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;
using FlightSw.Sim.Scenarios;

namespace FlightSw.HilTests.Targets;

/// <summary>
/// <c>flightsw-node</c> on the simulated board as a child process, driven over TCP through its
/// link only, with a freshly generated key. The node runs on the ground's clock
/// (<c>--ground-clock</c>): virtual time advances only in the steps this target asks for, so a
/// run is as repeatable as the in-process simulator.
/// </summary>
public sealed partial class ProcessTarget : LinkTarget
{
    /// <summary>Environment variable with the path of <c>flightsw-node.dll</c>; default: beside the tests.</summary>
    public const string NodeVariable = "FLIGHTSW_NODE";

    /// <summary>How long the node gets to acknowledge a command, in simulated time (as on <see cref="SimTarget"/>).</summary>
    public static readonly TimeSpan CommandTimeout = SimTarget.CommandTimeout;

    /// <summary>Simulated time between two looks at a condition.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WallPerStep = TimeSpan.FromMinutes(10);

    private readonly Process _process;
    private readonly string _directory;
    private readonly List<string> _errorLines = [];
    private readonly SemaphoreSlim _ran = new(0);
    private readonly SemaphoreSlim _accepted = new(0);
    private readonly SemaphoreSlim _completed = new(0);
    private readonly int _port;
    private readonly KeyRing _keys;
    private volatile bool _running;
    private volatile bool _lastAcceptanceRefused;
    private bool _disposed;

    /// <summary>Starts the node with <paramref name="seed"/>, flying <paramref name="scenario"/> when given, and connects to it.</summary>
    public ProcessTarget(int seed, Scenario? scenario = null)
    {
        _directory = Directory.CreateTempSubdirectory("flightsw-hil-").FullName;
        string keyFile = Path.Combine(_directory, "link.keys");
        WriteKeyFile(keyFile);

        string node = Environment.GetEnvironmentVariable(NodeVariable) is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "flightsw-node.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { node, "--board", "sim", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--link", "tcp:127.0.0.1:0", "--key-file", keyFile, "--ground-clock" })
        {
            start.ArgumentList.Add(argument);
        }

        if (scenario is not null)
        {
            start.ArgumentList.Add("--scenario");
            start.ArgumentList.Add(scenario.Name);
        }

        start.Environment["FLIGHTSW_LOG_DIR"] = Path.Combine(_directory, "logs");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                listening.TrySetException(new InvalidOperationException($"flightsw-node exited before it listened:\n{ErrorText}"));
                return;
            }

            lock (_errorLines)
            {
                _errorLines.Add(line.Data);
            }

            if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        if (!listening.Task.Wait(StartTimeout))
        {
            Kill();
            throw new TimeoutException($"flightsw-node did not listen within {StartTimeout.TotalSeconds} s:\n{ErrorText}");
        }

        _port = listening.Task.Result;
        _keys = KeyRing.LoadFile(keyFile);
        try
        {
            var client = GroundClient.ConnectTcp("127.0.0.1", _port, new GroundClientOptions
            {
                Keys = _keys,
                KeyId = 1,
                CommandTimeout = TimeSpan.FromMinutes(1),
            });
            client.PacketReceived += OnPacket;
            Use(client);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or InvalidDataException or TelecommandRefusedException)
        {
            // No teardown runs for a target that was never made: the child must not outlive it.
            Kill();
            throw new InvalidOperationException($"Could not connect to flightsw-node: {ex.Message}\n{ErrorText}", ex);
        }
    }

    /// <inheritdoc />
    public override string Name => "process";

    /// <inheritdoc />
    public override bool IsRunning => _running;

    /// <inheritdoc />
    public override (string Host, int Port) LinkEndpoint => ("127.0.0.1", _port);

    /// <inheritdoc />
    public override KeyRing Keys => _keys;

    /// <summary>What the node wrote to standard error, for diagnosis.</summary>
    public string ErrorText
    {
        get
        {
            lock (_errorLines)
            {
                return string.Join('\n', _errorLines);
            }
        }
    }

    /// <inheritdoc />
    public override void Boot()
    {
        if (!WaitFor(() => IsRunning && Telemetry("MODE").Value is "Nominal", TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The node did not report NOMINAL within 30 s of power-on.");
        }
    }

    /// <inheritdoc />
    public override CommandResponse Send(string command, params string[] arguments)
    {
        // The command must be in the node's inbox before time moves, or the tick that takes it
        // would depend on thread timing: wait for its acceptance first.
        // Acknowledgements of earlier simulation steps are forgotten; no step is in flight now.
        while (_accepted.Wait(0) || _completed.Wait(0))
        {
        }

        var reply = Task.Run(() => SendOverLink(command, arguments));
        if (!_accepted.Wait(TimeSpan.FromSeconds(30)) && !reply.IsCompleted)
        {
            throw new TimeoutException($"No acceptance of {command} over the link within 30 s.");
        }

        // Step until the completion arrives: it is queued before the step's answer, so whether a
        // step is needed depends only on simulated time, never on how fast threads wake here.
        var waited = TimeSpan.Zero;
        bool completed = _lastAcceptanceRefused;
        while (!completed && waited < CommandTimeout)
        {
            RunFor(Step);
            waited += Step;
            completed = _completed.Wait(0);
        }

        if (!reply.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"No acknowledgement of {command} within {CommandTimeout.TotalSeconds} s.");
        }

        return reply.Result;
    }

    /// <inheritdoc />
    public override void Wait(TimeSpan duration) => RunFor(duration);

    /// <inheritdoc />
    public override bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        if (condition())
        {
            return true;
        }

        var waited = TimeSpan.Zero;
        while (waited < limit)
        {
            var step = limit - waited < Step ? limit - waited : Step;
            RunFor(step);
            waited += step;
            if (condition())
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_disposed)
        {
            _disposed = true;
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                Kill();
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Logs still open; the temporary directory is left.
            }
        }
    }

    private void RunFor(TimeSpan duration)
    {
        var ticks = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(ticks, (ulong)duration.Ticks);
        Client.SendRaw(LinkApids.SimControl, LinkServices.SimControl, LinkServices.RunFor, ticks);
        if (!_ran.Wait(WallPerStep))
        {
            throw new TimeoutException($"The node did not finish a {duration} step within {WallPerStep.TotalMinutes} minutes of wall time:\n{ErrorText}");
        }
    }

    private void OnPacket(TelemetryPacket packet)
    {
        var secondary = packet.Secondary;
        if (packet.Header.Apid == LinkApids.SimControl && secondary.Service == LinkServices.SimControl && secondary.Subtype == LinkServices.Ran)
        {
            var data = packet.ApplicationData.Span;
            _running = data.Length >= 9 && data[8] == 1;
            _ran.Release();
        }
        else if (packet.Header.Apid == LinkApids.Flight && secondary.Service == LinkServices.Verification && secondary.Subtype is LinkServices.AcceptSuccess or LinkServices.AcceptFailure)
        {
            _lastAcceptanceRefused = secondary.Subtype == LinkServices.AcceptFailure;
            _accepted.Release();
        }
        else if (packet.Header.Apid == LinkApids.Flight && secondary.Service == LinkServices.Verification && secondary.Subtype is LinkServices.CompleteSuccess or LinkServices.CompleteFailure)
        {
            _completed.Release();
        }
    }

    // Two fresh keys: 1 for this target's ground client, 2 for scenarios that sign their own frames.
    private static void WriteKeyFile(string path)
    {
        KeyRing.WriteNew(path, 1);
        string second = path + ".2";
        KeyRing.WriteNew(second, 2);
        File.AppendAllLines(path, File.ReadAllLines(second).Where(line => line.Length > 0 && !line.StartsWith('#')));
        File.Delete(second);
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"^link: listening on tcp 127\.0\.0\.1:(\d+)$")]
    private static partial Regex ListeningLine();
}
