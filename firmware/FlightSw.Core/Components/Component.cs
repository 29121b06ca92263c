using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Components;

/// <summary>
/// A unit of flight software, in the F´ sense. A component declares its whole interface
/// (telemetry channels, events, commands, parameters) in its constructor through the
/// <c>Declare...</c> helpers, with ids local to its <see cref="IdBase"/>; the application
/// registers them. It then lives through initialise, start and stop, and, when scheduled, runs
/// once per cycle of its rate groups. Completing a cycle answers the health monitor's heartbeat.
/// </summary>
public abstract class Component
{
    /// <summary>How many ids of each kind a component may declare (local ids 0 to 255).</summary>
    public const int IdsPerComponent = 256;

    private readonly List<TelemetryChannel> _channels = [];
    private readonly List<EventDefinition> _events = [];
    private readonly List<CommandDefinition> _commands = [];
    private readonly List<Parameter> _parameters = [];
    private FlightContext? _context;
    private uint _pendingPing;
    private uint _answeredPing;
    private bool _crashAtStart;

    /// <summary>Creates a component.</summary>
    /// <param name="name">Unique component name, for example <c>health</c>.</param>
    /// <param name="idBase">First id of the component's channels, events, commands and parameters; a multiple of <see cref="IdsPerComponent"/>.</param>
    protected Component(string name, ushort idBase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (idBase % IdsPerComponent != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(idBase), idBase, $"The id base of component '{name}' must be a multiple of {IdsPerComponent}.");
        }

        Name = name;
        IdBase = idBase;
    }

    /// <summary>Unique component name.</summary>
    public string Name { get; }

    /// <summary>First id of the component's declarations.</summary>
    public ushort IdBase { get; }

    /// <summary>Lifecycle state.</summary>
    public ComponentState State { get; private set; } = ComponentState.Created;

    /// <summary>Telemetry channels the component declared.</summary>
    public IReadOnlyList<TelemetryChannel> Channels => _channels;

    /// <summary>Events the component declared.</summary>
    public IReadOnlyList<EventDefinition> Events => _events;

    /// <summary>Commands the component declared.</summary>
    public IReadOnlyList<CommandDefinition> Commands => _commands;

    /// <summary>Parameters the component declared.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>
    /// True while a fault holds the component's thread: it does no work and answers no
    /// heartbeat. Only a reset clears it, as with a single-event functional interrupt.
    /// </summary>
    public bool IsHung { get; private set; }

    /// <summary>
    /// Whether the hardware watchdog waits for this component: true (the default) means the node
    /// resets rather than fly on without it; a non-critical component that cannot be recovered is
    /// disabled instead. Set in the component's constructor.
    /// </summary>
    public bool IsCritical { get; protected set; } = true;

    /// <summary>
    /// Whether the component runs in a SAFE boot (after boot-loop protection tripped), which starts
    /// only what keeps the node alive and reachable. False by default; set in the constructor.
    /// </summary>
    public bool IsEssential { get; protected internal set; }

    /// <summary>Times the health monitor restarted the component in this boot.</summary>
    public int Restarts { get; private set; }

    /// <summary>The rate groups the component runs in; empty for a passive component.</summary>
    public IReadOnlyList<RateGroupId> RateGroups { get; internal set; } = [];

    /// <summary>The board and framework services; available from initialisation on.</summary>
    protected FlightContext Context => _context ?? throw new InvalidOperationException($"Component '{Name}' is not initialised yet.");

    internal uint AnsweredPing => _answeredPing;

    /// <summary>Declares a telemetry channel with local id <paramref name="localId"/>.</summary>
    protected TelemetryChannel<T> DeclareChannel<T>(byte localId, string name, string unit, string description)
        where T : struct
    {
        var channel = new TelemetryChannel<T>(GlobalId(localId), name, unit, description) { Component = Name };
        _channels.Add(channel);
        return channel;
    }

    /// <summary>Declares an event with local id <paramref name="localId"/>.</summary>
    protected EventDefinition DeclareEvent(byte localId, string name, EventSeverity severity, string template)
    {
        var definition = new EventDefinition(GlobalId(localId), name, severity, template) { Component = Name };
        _events.Add(definition);
        return definition;
    }

    /// <summary>Declares a command with opcode local id <paramref name="localId"/>.</summary>
    protected CommandDefinition DeclareCommand(byte localId, string name, string description, Func<CommandArguments, CommandResult> handler, params CommandArgumentDefinition[] arguments)
    {
        var definition = new CommandDefinition(GlobalId(localId), name, description, handler, arguments) { Component = Name };
        _commands.Add(definition);
        return definition;
    }

    /// <summary>Declares a bounded parameter with local id <paramref name="localId"/>.</summary>
    protected Parameter<T> DeclareParameter<T>(byte localId, string name, T defaultValue, T min, T max, string unit, string description)
        where T : struct, IComparable<T>, IParsable<T>
    {
        var parameter = new Parameter<T>(GlobalId(localId), name, defaultValue, min, max, unit, description) { Component = Name };
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Raises one of the component's events.</summary>
    protected EventRecord Emit(EventDefinition definition, params object?[] arguments) => Context.Events.Emit(definition, arguments);

    /// <summary>Binds the board and services; override <see cref="OnInitialize"/> to open devices.</summary>
    internal void Initialize(FlightContext context)
    {
        _context = context;
        foreach (var channel in _channels)
        {
            channel.Bind(context.Time);
        }

        OnInitialize();
        State = ComponentState.Initialized;
    }

    internal void Start()
    {
        if (_crashAtStart)
        {
            _crashAtStart = false;
            throw new InjectedCrashException($"Component '{Name}' crashed at start (injected fault).");
        }

        OnStart();
        State = ComponentState.Running;
    }

    /// <summary>
    /// Restarts the component's work, as a supervisor restarts a hung thread: the hang is cleared,
    /// <see cref="OnRestart"/> rebuilds what the component keeps per run, and the next cycle runs
    /// normally. Declarations, devices and parameters stay as they are.
    /// </summary>
    internal void Restart()
    {
        IsHung = false;
        Restarts++;
        OnRestart();
        State = ComponentState.Running;
    }

    /// <summary>Takes the component out of service for the rest of the boot: it is no longer scheduled.</summary>
    internal void Disable() => State = ComponentState.Disabled;

    /// <summary>Leaves the component out of this boot (a SAFE boot runs only essential components).</summary>
    internal void Skip() => State = ComponentState.Skipped;

    /// <summary>Makes the component's next <see cref="Start"/> throw, as a crash at boot would (fault injection).</summary>
    internal void InjectCrashAtStart() => _crashAtStart = true;

    internal void Stop()
    {
        OnStop();
        State = ComponentState.Stopped;
    }

    /// <summary>
    /// Runs one cycle for <paramref name="cycle"/>. A hung component does nothing; a cycle that
    /// completes answers the latest heartbeat ping. Exceptions propagate to the scheduler.
    /// </summary>
    internal void RunCycle(RateGroupCycle cycle)
    {
        if (IsHung)
        {
            return;
        }

        uint ping = _pendingPing;
        OnCycle(cycle);
        _answeredPing = ping;
    }

    /// <summary>Sends a heartbeat ping; it is answered when the component next completes a cycle.</summary>
    internal void Ping(uint key) => _pendingPing = key;

    /// <summary>Makes the component hang (software-implemented fault injection of a SEFI).</summary>
    internal void InjectHang() => IsHung = true;

    /// <summary>Opens devices and reads state; called once, before any component starts.</summary>
    protected virtual void OnInitialize()
    {
    }

    /// <summary>Begins work; called once after every component is initialised.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>Ends work in an orderly shutdown, releasing devices.</summary>
    protected virtual void OnStop()
    {
    }

    /// <summary>
    /// Called when the health monitor restarts the component after it stopped answering: drop
    /// whatever work was in flight and begin afresh. Does nothing by default.
    /// </summary>
    protected virtual void OnRestart()
    {
    }

    /// <summary>One cycle of a rate group the component is scheduled in.</summary>
    protected virtual void OnCycle(RateGroupCycle cycle)
    {
    }

    private ushort GlobalId(byte localId) => checked((ushort)(IdBase + localId));
}
