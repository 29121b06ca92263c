using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Modes;
using FlightSw.Core.Telemetry;
using FlightSw.Hal.Boards;
using FlightSw.Link.Messages;
using FlightSw.Node.Simulation;
using FlightSw.Sim;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Scenarios;

namespace FlightSw.HilTests.Targets;

/// <summary>
/// The flight node on the simulated board, in this process, on virtual time: waits cost no
/// wall time and every run with the same seed is the same. Telemetry and events are given as
/// the link would carry them (enumerations by name), so scenarios read the same on every target.
/// </summary>
public sealed class SimTarget : Target
{
    /// <summary>How long the simulated node gets to acknowledge a command.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    private readonly List<EventRecord> _events = [];

    /// <summary>Creates the simulated node on boards/sim.json with <paramref name="seed"/>, flying <paramref name="scenario"/> when given.</summary>
    public SimTarget(int seed, Scenario? scenario = null)
    {
        // Without a scenario, radiation is wired at the Alsat-1 rate and held at zero until a
        // test sets a rate; with one, the scenario's environment sets it.
        var options = new SimHardwareOptions
        {
            Upsets = new UpsetInjectorOptions { RatePerBitPerDay = UpsetInjectorOptions.Alsat1RatePerBitPerDay },
            Scenario = scenario,
        };
        Node = new SimulatedNode(BoardCatalog.Locate().Load("sim"), seed, options);
        if (scenario is null)
        {
            Node.Hardware.Upsets.RateMultiplier = 0;
        }

        Node.EventEmitted += record => _events.Add(AsGroundSees(record));
    }

    /// <summary>The node under test; scenarios use it only through the <see cref="Target"/> API.</summary>
    internal SimulatedNode Node { get; }

    /// <inheritdoc />
    public override string Name => "sim";

    /// <inheritdoc />
    public override bool ControlsEnvironment => true;

    /// <inheritdoc />
    public override IReadOnlyList<EventRecord> Events => _events;

    /// <inheritdoc />
    public override void Boot()
    {
        Node.PowerOn();
        if (!WaitFor(() => Node.Application?.Modes.Current == FlightMode.Nominal, TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The simulated node did not reach NOMINAL within 30 s of power-on.");
        }
    }

    /// <inheritdoc />
    public override CommandResponse Send(string command, params string[] arguments)
    {
        var app = Node.Application ?? throw new InvalidOperationException("The node is not running; boot it first.");
        CommandResponse? response = null;
        app.Commands.Submit(new CommandRequest(command, arguments), r => response = r);
        if (!WaitFor(() => response is not null, CommandTimeout))
        {
            throw new TimeoutException($"No acknowledgement of {command} within {CommandTimeout.TotalSeconds} s.");
        }

        return response!;
    }

    /// <inheritdoc />
    public override TelemetrySample Telemetry(string channel)
    {
        var app = Node.Application ?? throw new InvalidOperationException("The node is not running.");
        var sample = (app.Telemetry.Find(channel) ?? throw new KeyNotFoundException($"No telemetry channel {channel}.")).Sample();
        return sample.Value is Enum state ? sample with { Value = state.ToString() } : sample;
    }

    /// <inheritdoc />
    public override void Wait(TimeSpan duration) => Node.RunFor(duration);

    /// <inheritdoc />
    public override bool WaitFor(Func<bool> condition, TimeSpan limit) => Node.RunUntil(condition, limit);

    /// <inheritdoc />
    public override void SetSupply(double volts, double amps)
    {
        RequireNoScenario("the supply");
        Node.Hardware.Environment.BusVolts = volts;
        Node.Hardware.Environment.CurrentAmps = amps;
    }

    /// <inheritdoc />
    public override void SetUpsetRate(double ratePerBitPerDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePerBitPerDay);
        RequireNoScenario("the upset rate");
        var upsets = Node.Hardware.Upsets;
        upsets.RateMultiplier = ratePerBitPerDay / upsets.Options.RatePerBitPerDay;
    }

    /// <inheritdoc />
    public override IReadOnlyList<InjectedUpset> InjectedUpsets => Node.Hardware.Upsets.Records;

    /// <inheritdoc />
    public override void InjectLatchUp(double stepAmps)
    {
        if (Node.Hardware.TriggerLatchUp(stepAmps, source: "test") is null)
        {
            throw new InvalidOperationException("The board has no power: a latch-up cannot strike it now.");
        }
    }

    /// <inheritdoc />
    public override void InjectPowerLossDuringWrite() => Node.Hardware.InjectPowerLossDuringWrite();

    /// <inheritdoc />
    public override int TornWrites => Node.Hardware.Store.TornWrites.Count;

    /// <inheritdoc />
    public override IReadOnlyList<LatchUp> LatchUps => Node.Hardware.LatchUps;

    /// <inheritdoc />
    public override IReadOnlyList<FunctionalInterrupt> FunctionalInterrupts => Node.Hardware.FunctionalInterrupts;

    /// <inheritdoc />
    public override IReadOnlyList<EnvironmentRecord> EnvironmentLog => Node.Hardware.EnvironmentLog;

    /// <inheritdoc />
    public override string? DamageReason => Node.Hardware.DamageReason;

    /// <inheritdoc />
    public override bool IsRunning => Node.Application is not null;

    // Scenarios see what a ground station sees over the link (enumerations by name, values with
    // their wire types), so one scenario asserts the same on every target.
    private static EventRecord AsGroundSees(EventRecord record) =>
        EventReportCodec.Decode(EventReportCodec.Encode(record), record.Time);

    private void RequireNoScenario(string what)
    {
        if (Node.Hardware.Scenario is { } scenario)
        {
            throw new InvalidOperationException($"The node flies scenario '{scenario.Name}', which sets {what}; a test cannot set it as well.");
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Node.Dispose();
        }
    }
}
