using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Sim.Faults;

namespace FlightSw.HilTests.Targets;

/// <summary>
/// What a HIL scenario drives, the way a ground station drives a satellite: it boots the node,
/// sends commands by name and awaits their acknowledgement, reads telemetry by channel and
/// watches events. Scenarios see nothing else, so the same scenario runs against the simulated
/// board in-process, the node as a process, or a real board.
/// </summary>
public abstract class Target : IDisposable
{
    /// <summary>Environment variable that picks the target: <c>sim</c> (default).</summary>
    public const string Variable = "FLIGHTSW_TARGET";

    /// <summary>Name of the target, for messages.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the scenario can set the environment (supply, temperature): true only on the simulated board.</summary>
    public abstract bool ControlsEnvironment { get; }

    /// <summary>Every event seen since the target was created, over all boots, in order.</summary>
    public abstract IReadOnlyList<EventRecord> Events { get; }

    /// <summary>Creates the target named by <see cref="Variable"/>.</summary>
    public static Target FromEnvironment(int seed = 1)
    {
        string name = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : "sim";
        return name switch
        {
            "sim" => new SimTarget(seed),
            _ => throw new NotSupportedException(
                $"{Variable}={name} is not a target this suite can drive yet. Supported: sim (the simulated board in-process). " +
                "The node as a separate process and remote boards are driven over the space link."),
        };
    }

    /// <summary>Powers the node on and waits until it reports NOMINAL.</summary>
    public abstract void Boot();

    /// <summary>Sends a command and waits for its acknowledgement; throws <see cref="TimeoutException"/> when none comes.</summary>
    public abstract CommandResponse Send(string command, params string[] arguments);

    /// <summary>The latest sample of <paramref name="channel"/>; throws <see cref="KeyNotFoundException"/> for an unknown channel.</summary>
    public abstract TelemetrySample Telemetry(string channel);

    /// <summary>Lets <paramref name="duration"/> pass on the target.</summary>
    public abstract void Wait(TimeSpan duration);

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="limit"/> passes; returns whether it held.</summary>
    public abstract bool WaitFor(Func<bool> condition, TimeSpan limit);

    /// <summary>Sets the supply voltage and current the board sees; only where <see cref="ControlsEnvironment"/>.</summary>
    public abstract void SetSupply(double volts, double amps);

    /// <summary>
    /// Sets the radiation upset rate, per bit per day (0 for none), over the node's protected
    /// memory; only a target that <see cref="ControlsEnvironment"/> can.
    /// </summary>
    public abstract void SetUpsetRate(double ratePerBitPerDay);

    /// <summary>Every upset the environment injected so far, as the injector recorded it (empty where the target cannot inject).</summary>
    public abstract IReadOnlyList<InjectedUpset> InjectedUpsets { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the target.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
