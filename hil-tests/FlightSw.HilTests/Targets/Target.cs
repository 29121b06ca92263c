using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Scenarios;

namespace FlightSw.HilTests.Targets;

/// <summary>
/// What a HIL scenario drives, the way a ground station drives a satellite: it boots the node,
/// sends commands by name and awaits their acknowledgement, reads telemetry by channel and
/// watches events. Scenarios see nothing else, so the same scenario runs against the simulated
/// board in-process, the node as a process, or a real board.
/// </summary>
public abstract class Target : IDisposable
{
    /// <summary>
    /// Environment variable that picks the target: <c>sim</c> (default: the simulated board in
    /// this process), <c>process</c> (flightsw-node on the simulated board as a child process,
    /// over TCP) or <c>remote:HOST:PORT</c> (a node on a real board).
    /// </summary>
    public const string Variable = "FLIGHTSW_TARGET";

    /// <summary>Name of the target, for messages.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the scenario can set the environment (supply, temperature): true only on the simulated board.</summary>
    public abstract bool ControlsEnvironment { get; }

    /// <summary>Every event seen since the target was created, over all boots, in order.</summary>
    public abstract IReadOnlyList<EventRecord> Events { get; }

    /// <summary>Creates the target named by <see cref="Variable"/>, flying <paramref name="scenario"/> where the target can set its environment.</summary>
    public static Target FromEnvironment(int seed = 1, Scenario? scenario = null)
    {
        string name = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : "sim";
        return name switch
        {
            "sim" => new SimTarget(seed, scenario),
            "process" => new ProcessTarget(seed, scenario),
            _ when name.StartsWith("remote:", StringComparison.Ordinal) => RemoteTarget.Parse(name),
            _ => throw new NotSupportedException(
                $"{Variable}={name} is not a target this suite can drive. Supported: sim (the simulated board in-process), " +
                "process (flightsw-node as a child process, over the link) and remote:HOST:PORT (a node on a real board, over the link)."),
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

    /// <summary>
    /// Strikes a latch-up now: the supply current steps up by <paramref name="stepAmps"/> until
    /// the board is power-cycled, and the board burns out if that does not happen within its
    /// deadline; only a target that <see cref="ControlsEnvironment"/> can.
    /// </summary>
    public abstract void InjectLatchUp(double stepAmps);

    /// <summary>
    /// Cuts the board's power in the middle of its next write to persistent storage (at a random
    /// byte); power returns a moment later. Only a target that <see cref="ControlsEnvironment"/> can.
    /// </summary>
    public abstract void InjectPowerLossDuringWrite();

    /// <summary>How many writes power losses have torn so far (0 where the target cannot inject them).</summary>
    public abstract int TornWrites { get; }

    /// <summary>Every upset the environment injected so far, as the injector recorded it (empty where the target cannot inject).</summary>
    public abstract IReadOnlyList<InjectedUpset> InjectedUpsets { get; }

    /// <summary>Every latch-up the environment injected so far, with how it ended (empty where the target cannot inject).</summary>
    public abstract IReadOnlyList<LatchUp> LatchUps { get; }

    /// <summary>Every functional interrupt the environment injected so far, with how it ended (empty where the target cannot inject).</summary>
    public abstract IReadOnlyList<FunctionalInterrupt> FunctionalInterrupts { get; }

    /// <summary>What the environment did (SAA passes, solar events, brownouts, latch-ups, burn-out), with times; empty where the target has no simulated environment.</summary>
    public abstract IReadOnlyList<EnvironmentRecord> EnvironmentLog { get; }

    /// <summary>Why the board is permanently damaged (a latch-up outlived its deadline); null when it is not, or where the target cannot tell.</summary>
    public abstract string? DamageReason { get; }

    /// <summary>Whether the node's software is running now (not off in a brownout, not booting).</summary>
    public abstract bool IsRunning { get; }

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
