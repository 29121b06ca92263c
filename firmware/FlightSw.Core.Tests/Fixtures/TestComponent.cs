using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Tests.Fixtures;

/// <summary>
/// A component whose interface the test declares: it opens the protected <c>Declare...</c>
/// helpers, records its lifecycle and every cycle it runs (with the board time), and runs an
/// optional action each cycle.
/// </summary>
public sealed class TestComponent : Component
{
    /// <summary>Creates the component; <paramref name="idBase"/> defaults to the first id free of framework components.</summary>
    public TestComponent(string name = "probe", ushort idBase = 0x2000)
        : base(name, idBase)
    {
    }

    /// <summary>Whether the watchdog waits for the component (<see cref="Component.IsCritical"/>); true unless the test says otherwise.</summary>
    public bool Critical
    {
        get => IsCritical;
        init => IsCritical = value;
    }

    /// <summary>Whether the component runs in a SAFE boot (<see cref="Component.IsEssential"/>); false unless the test says otherwise.</summary>
    public bool Essential
    {
        get => IsEssential;
        init => IsEssential = value;
    }

    /// <summary>Every cycle run, in order, with the board time it started at.</summary>
    public List<(RateGroupCycle Cycle, TimeSpan At)> Cycles { get; } = [];

    /// <summary>Lifecycle calls, in order: "initialize", "start", "restart", "stop".</summary>
    public List<string> Lifecycle { get; } = [];

    /// <summary>Runs in every cycle, after it is recorded.</summary>
    public Action<RateGroupCycle>? OnEachCycle { get; set; }

    /// <summary>Runs at initialisation, after it is recorded.</summary>
    public Action? OnInitialized { get; set; }

    /// <summary>Runs at start, after it is recorded.</summary>
    public Action? OnStarted { get; set; }

    /// <summary>Runs at an orderly stop, after it is recorded.</summary>
    public Action? OnStopped { get; set; }

    /// <summary>The component's context, for tests that act as the component.</summary>
    public FlightContext ContextForTest => Context;

    /// <summary>Declares a telemetry channel.</summary>
    public TelemetryChannel<T> AddChannel<T>(byte localId, string name, string unit = "", string description = "test channel")
        where T : struct => DeclareChannel<T>(localId, name, unit, description);

    /// <summary>Declares an event.</summary>
    public EventDefinition AddEvent(byte localId, string name, string template = "test event", EventSeverity severity = EventSeverity.ActivityLow) =>
        DeclareEvent(localId, name, severity, template);

    /// <summary>Declares a command.</summary>
    public CommandDefinition AddCommand(byte localId, string name, Func<CommandArguments, CommandResult> handler, params CommandArgumentDefinition[] arguments) =>
        DeclareCommand(localId, name, "test command", handler, arguments);

    /// <summary>Declares a parameter.</summary>
    public Parameter<T> AddParameter<T>(byte localId, string name, T defaultValue, T min, T max, string unit = "")
        where T : struct, IComparable<T>, IParsable<T> => DeclareParameter(localId, name, defaultValue, min, max, unit, "test parameter");

    /// <summary>Raises one of the component's events.</summary>
    public EventRecord Raise(EventDefinition definition, params object?[] arguments) => Emit(definition, arguments);

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        Lifecycle.Add("initialize");
        OnInitialized?.Invoke();
    }

    /// <inheritdoc />
    protected override void OnStart()
    {
        Lifecycle.Add("start");
        OnStarted?.Invoke();
    }

    /// <inheritdoc />
    protected override void OnRestart() => Lifecycle.Add("restart");

    /// <inheritdoc />
    protected override void OnStop()
    {
        Lifecycle.Add("stop");
        OnStopped?.Invoke();
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        Cycles.Add((cycle, TimeSpan.FromTicks(Context.Time.GetTimestamp())));
        OnEachCycle?.Invoke(cycle);
    }
}
