using FlightSw.Core.Boot;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Health;
using FlightSw.Core.Modes;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;
using FlightSw.Hal;

namespace FlightSw.Core.Application;

/// <summary>
/// One boot of the flight software on one board: the framework's own components (scheduler,
/// boot, modes, parameters, commands, health) plus those the node adds. <see cref="Start"/>
/// registers every declaration (refusing duplicate ids and names), loads parameters, initialises
/// and starts the components and enters NOMINAL; in a SAFE boot (boot-loop protection) it starts
/// only the essential ones (<see cref="Component.IsEssential"/>) and holds SAFE. A reset ends the boot without
/// <see cref="Stop"/>; an orderly shutdown calls it.
/// </summary>
public sealed class FlightApplication
{
    private readonly List<Component> _components = [];
    private readonly Dictionary<string, Component> _byName = new(StringComparer.OrdinalIgnoreCase);
    private bool _started;

    /// <summary>Creates the application and its framework components on <paramref name="board"/>.</summary>
    public FlightApplication(IBoard board, FlightApplicationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        options ??= new FlightApplicationOptions();
        Board = board;
        Events = new EventLog(board.Time, options.EventCapacity);
        Telemetry = new TelemetryDatabase();
        Scheduler = new RateGroupScheduler(options.Scheduler);
        Boot = new BootManager();
        Modes = new ModeManager();
        Parameters = new ParameterManager();
        Commands = new CommandDispatcher(options.CommandQueueCapacity);
        Health = new HealthMonitor();

        Add(Scheduler);
        Add(Boot, RateGroupId.Rate1Hz);
        Add(Modes);
        Add(Parameters);
        Add(Commands, RateGroupId.Rate10Hz);
        foreach (var framework in new Component[] { Scheduler, Boot, Modes, Parameters, Commands, Health })
        {
            framework.IsEssential = true;
        }
    }

    /// <summary>The board this boot runs on.</summary>
    public IBoard Board { get; }

    /// <summary>The event log.</summary>
    public EventLog Events { get; }

    /// <summary>The telemetry channels.</summary>
    public TelemetryDatabase Telemetry { get; }

    /// <summary>The executive.</summary>
    public RateGroupScheduler Scheduler { get; }

    /// <summary>Boot counting and commanded resets.</summary>
    public BootManager Boot { get; }

    /// <summary>The operating mode.</summary>
    public ModeManager Modes { get; }

    /// <summary>The parameters.</summary>
    public ParameterManager Parameters { get; }

    /// <summary>The command dispatcher.</summary>
    public CommandDispatcher Commands { get; }

    /// <summary>The health monitor; added last at <see cref="Start"/>, so that it runs after every other 1 Hz component.</summary>
    public HealthMonitor Health { get; }

    /// <summary>Every component, in the order added.</summary>
    public IReadOnlyList<Component> Components => _components;

    /// <summary>Whether <see cref="Start"/> has run and <see cref="Stop"/> has not.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The component named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Component? FindComponent(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Adds a component, scheduled in <paramref name="groups"/> (none for a passive component).</summary>
    public void Add(Component component, params RateGroupId[] groups)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (_started)
        {
            throw new InvalidOperationException($"Component '{component.Name}' added after the application started.");
        }

        if (!_byName.TryAdd(component.Name, component))
        {
            throw new InvalidOperationException($"A component named '{component.Name}' is already added.");
        }

        if (_components.FirstOrDefault(c => c.IdBase == component.IdBase) is { } sameBase)
        {
            _byName.Remove(component.Name);
            throw new InvalidOperationException($"Component '{component.Name}' has id base 0x{component.IdBase:X4}, already used by '{sameBase.Name}'.");
        }

        _components.Add(component);
        component.RateGroups = groups.Distinct().ToArray();
        foreach (var group in component.RateGroups)
        {
            Scheduler.Schedule(component, group);
        }
    }

    /// <summary>Boots: registers, initialises, loads parameters, starts and enters NOMINAL.</summary>
    public void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("The application has already started.");
        }

        Add(Health, RateGroupId.Rate1Hz);
        _started = true;
        RegisterDeclarations();

        var context = new FlightContext(Board, Events, Telemetry, Modes, _byName);

        // Parameters first, so that every component initialises with its stored values; then the
        // boot manager, whose boot-loop verdict decides which components this boot runs.
        Parameters.Initialize(context);
        Parameters.LoadAll();
        Boot.Initialize(context);
        foreach (var component in _components.Where(c => c != Parameters && c != Boot))
        {
            if (Boot.IsSafeBoot && !component.IsEssential)
            {
                component.Skip();
                continue;
            }

            component.Initialize(context);
        }

        // The scheduler starts last, so that no cycle runs before every component is ready.
        foreach (var component in _components.Where(c => c != Scheduler && c.State == ComponentState.Initialized))
        {
            component.Start();
        }

        Scheduler.Start();
        IsRunning = true;
        if (Boot.IsSafeBoot)
        {
            Modes.HoldSafe(Boot.SafeBootReason);
        }
        else
        {
            Modes.TryTransition(FlightMode.Nominal, "boot complete");
        }
    }

    /// <summary>
    /// Stops the executive and waits for a cycle in flight to finish, without stopping any
    /// component: what a board does just before a reset it was asked for, so that nothing runs
    /// half-way through it (the watchdog stays armed). <see cref="Stop"/> may still follow.
    /// </summary>
    public void Halt()
    {
        if (IsRunning && Scheduler.State == ComponentState.Running)
        {
            Scheduler.Stop();
        }
    }

    /// <summary>Orderly shutdown: stops the executive first, then every component in reverse order.</summary>
    public void Stop()
    {
        if (!IsRunning)
        {
            return;
        }

        IsRunning = false;
        if (Scheduler.State == ComponentState.Running)
        {
            Scheduler.Stop();
        }
        for (int i = _components.Count - 1; i >= 0; i--)
        {
            if (_components[i] != Scheduler && _components[i].State is ComponentState.Running or ComponentState.Disabled)
            {
                _components[i].Stop();
            }
        }
    }

    private void RegisterDeclarations()
    {
        var eventIds = new Dictionary<ushort, EventDefinition>();
        var eventNames = new Dictionary<string, EventDefinition>(StringComparer.Ordinal);
        var parameterIds = new Dictionary<ushort, Parameter>();
        foreach (var component in _components)
        {
            foreach (var channel in component.Channels)
            {
                Telemetry.Register(channel);
            }

            foreach (var definition in component.Events)
            {
                if (eventIds.TryGetValue(definition.Id, out var other) || eventNames.TryGetValue(definition.Name, out other))
                {
                    throw new InvalidOperationException($"Event {definition.Component}.{definition.Name} (0x{definition.Id:X4}) clashes with {other.Component}.{other.Name} (0x{other.Id:X4}).");
                }

                eventIds.Add(definition.Id, definition);
                eventNames.Add(definition.Name, definition);
            }

            foreach (var command in component.Commands)
            {
                Commands.Register(command);
            }

            foreach (var parameter in component.Parameters)
            {
                if (parameterIds.TryGetValue(parameter.Id, out var other))
                {
                    throw new InvalidOperationException($"Parameter {parameter.Component}.{parameter.Name} (0x{parameter.Id:X4}) clashes with {other.Component}.{other.Name}.");
                }

                parameterIds.Add(parameter.Id, parameter);
                Parameters.Register(parameter);
            }
        }
    }
}
