using FlightSw.Core.Application;
using FlightSw.Core.Events;
using FlightSw.Core.Storage;
using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Sim;
using FlightSw.Sim.Devices;
using FlightSw.Sim.Time;

namespace FlightSw.Core.Tests.Fixtures;

/// <summary>
/// The simulated sim board with a flight application on it, for tests: every boot (power-on or
/// reset) builds a fresh <see cref="FlightApplication"/>, lets the test add its components and
/// starts it, as the node does. Sensor noise is off so readings are exact to the chip's LSB.
/// </summary>
public sealed class TestNode : IDisposable
{
    private static readonly Lazy<BoardDefinition> SimDefinition = new(() => BoardCatalog.Locate().Load("sim"));

    private readonly Action<FlightApplication>? _compose;
    private readonly FlightApplicationOptions? _options;
    private readonly List<FlightApplication> _boots = [];

    /// <summary>Builds the board; nothing runs until <see cref="PowerOn"/>.</summary>
    /// <param name="compose">Adds the test's components to each boot's application, before it starts.</param>
    /// <param name="options">Framework options of each boot.</param>
    /// <param name="clock">The hardware clock, for components that consume its time; a new one when null.</param>
    public TestNode(Action<FlightApplication>? compose = null, FlightApplicationOptions? options = null, VirtualClock? clock = null)
    {
        _compose = compose;
        _options = options;
        Hardware = new SimHardware(Definition, seed: 1, new SimHardwareOptions { SensorNoise = false }, clock);
        Hardware.Booted += OnBooted;
    }

    /// <summary>The sim board file.</summary>
    public static BoardDefinition Definition => SimDefinition.Value;

    /// <summary>The simulated hardware (store, watchdog, environment, buses).</summary>
    public SimHardware Hardware { get; }

    /// <summary>The hardware clock.</summary>
    public VirtualClock Clock => Hardware.Clock;

    /// <summary>The running boot's application.</summary>
    public FlightApplication App => _boots.Count > 0 ? _boots[^1] : throw new InvalidOperationException("The node has not booted yet.");

    /// <summary>The running boot's board.</summary>
    public SimBoard Board => Hardware.Board ?? throw new InvalidOperationException("The board is off or booting.");

    /// <summary>Every boot's application, in order.</summary>
    public IReadOnlyList<FlightApplication> Boots => _boots;

    /// <summary>Hardware time at which the running boot's application started.</summary>
    public TimeSpan StartedAt { get; private set; }

    /// <summary>Powers on and boots a node composed by <paramref name="compose"/>; the clock then stands at the start.</summary>
    public static TestNode Boot(Action<FlightApplication>? compose = null, FlightApplicationOptions? options = null, VirtualClock? clock = null)
    {
        var node = new TestNode(compose, options, clock);
        node.PowerOn();
        return node;
    }

    /// <summary>
    /// Powers on simulated hardware that runs no software and returns its first boot's board, for
    /// tests that build and start an application (or a single component) themselves.
    /// </summary>
    public static SimBoard BareBoard(out SimHardware hardware)
    {
        hardware = new SimHardware(Definition, seed: 1, new SimHardwareOptions { SensorNoise = false });
        hardware.PowerOn();
        var booting = hardware;
        booting.Clock.RunUntil(() => booting.Board is not null, TimeSpan.FromMinutes(1));
        return hardware.Board ?? throw new InvalidOperationException("The bare board did not boot.");
    }

    /// <summary>Powers on and runs the clock to the moment the first boot's application has started.</summary>
    public void PowerOn()
    {
        Hardware.PowerOn();
        RunUntilBoot(1);
    }

    /// <summary>Runs the clock to the moment boot number <paramref name="boot"/> has started (within a minute).</summary>
    public void RunUntilBoot(int boot)
    {
        if (!Clock.RunUntil(() => _boots.Count >= boot, TimeSpan.FromMinutes(1)))
        {
            throw new InvalidOperationException($"Boot {boot} did not happen within a minute; {_boots.Count} boots so far.");
        }
    }

    /// <summary>Runs the clock forward by <paramref name="duration"/>.</summary>
    public void RunFor(TimeSpan duration) => Clock.RunFor(duration);

    /// <summary>Runs the clock forward by <paramref name="milliseconds"/>.</summary>
    public void RunForMilliseconds(int milliseconds) => Clock.RunFor(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Hardware time since the running boot's application started.</summary>
    public TimeSpan SinceStart => Clock.Elapsed - StartedAt;

    /// <summary>The running boot's events named <paramref name="name"/>, oldest first.</summary>
    public IReadOnlyList<EventRecord> EventsNamed(string name) => App.Events.Snapshot().Where(e => e.Name == name).ToArray();

    /// <summary>The running boot's telemetry channel named <paramref name="name"/>.</summary>
    public object? Telemetry(string name) =>
        (App.Telemetry.Find(name) ?? throw new InvalidOperationException($"No telemetry channel named {name}.")).BoxedValue;

    /// <summary>
    /// Fills the node's store from one prepared apart (<paramref name="prepare"/> gets durable
    /// records over it and the raw store, to tear or corrupt), so that no running hardware is involved.
    /// </summary>
    public void PrepareStore(Action<DurableRecordStore, SimPersistentStore> prepare)
    {
        var scratch = new SimPersistentStore(new Random(0));
        prepare(new DurableRecordStore(scratch), scratch);
        scratch.PowerUp();
        foreach (string key in scratch.Keys)
        {
            scratch.TryRead(key, out var bytes);
            Hardware.Store.Write(key, bytes);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Hardware.Dispose();

    private void OnBooted(SimBoard board)
    {
        var app = new FlightApplication(board, _options);
        _compose?.Invoke(app);
        _boots.Add(app);
        StartedAt = Clock.Elapsed;
        try
        {
            app.Start();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Hardware.ReportCrash($"{ex.GetType().Name}: {ex.Message}"); // as the node's supervisor does
        }
    }
}
