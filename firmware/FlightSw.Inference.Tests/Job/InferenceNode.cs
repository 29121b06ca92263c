using System.Globalization;
using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.FaultInjection;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Edac.Scrubbing;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Power;
using FlightSw.Inference.Job;
using FlightSw.Inference.Protection;
using FlightSw.Sim;

namespace FlightSw.Inference.Tests.Job;

/// <summary>
/// The simulated board flying the inference job over <see cref="TinyClassifier"/>, loaded afresh
/// every boot as the node does, with the power manager (unless left out), the fault injector and,
/// when asked, a scrubber patrolling the model's weight regions. The battery is set as a charge;
/// sensor noise is off.
/// </summary>
internal sealed class InferenceNode : IDisposable
{
    /// <summary>Internal resistance of the simulated battery (the power manager's default).</summary>
    private const double InternalOhms = 0.08;

    /// <summary>Supply current the simulated battery carries.</summary>
    private const double Amps = 0.5;

    private static readonly Lazy<BoardDefinition> SimDefinition = new(() => BoardCatalog.Locate().Load("sim"));

    private readonly ProtectionMode _protection;
    private readonly bool _withPower;
    private readonly bool _withScrubber;
    private readonly TimeProvider? _latencyClock;
    private readonly double _periodSeconds;
    private int _boots;

    public InferenceNode(ProtectionMode protection = ProtectionMode.None, double stateOfCharge = 0.8, bool withPower = true, bool withScrubber = false, TimeProvider? latencyClock = null, double periodSeconds = InferenceJob.DefaultPeriodSeconds)
    {
        _protection = protection;
        _periodSeconds = periodSeconds;
        _withPower = withPower;
        _withScrubber = withScrubber;
        _latencyClock = latencyClock;
        Hardware = new SimHardware(SimDefinition.Value, seed: 1, new SimHardwareOptions { SensorNoise = false });
        Hardware.Booted += OnBooted;
        SetBattery(stateOfCharge);
        Hardware.PowerOn();
        if (!Hardware.Clock.RunUntil(() => _boots >= 1, TimeSpan.FromMinutes(1)))
        {
            throw new InvalidOperationException("The node did not boot within a minute.");
        }
    }

    public SimHardware Hardware { get; }

    public SimBoard Board => Hardware.Board ?? throw new InvalidOperationException("The board is off or booting.");

    public FlightApplication App { get; private set; } = null!;

    public InferenceJob Job { get; private set; } = null!;

    /// <summary>The scrubber over the model's weights; null unless the node was made with one.</summary>
    public Scrubber? Scrubber { get; private set; }

    public PowerManager Power => (PowerManager)App.FindComponent(PowerManager.ComponentName)!;

    /// <summary>Sets the supply to a two-cell lithium-ion battery at <paramref name="stateOfCharge"/>.</summary>
    public void SetBattery(double stateOfCharge)
    {
        Hardware.Environment.CurrentAmps = Amps;
        Hardware.Environment.BusVolts = BatteryCurve.LithiumIon(2).VoltsAt(stateOfCharge) - (Amps * InternalOhms);
    }

    public void RunFor(TimeSpan duration) => Hardware.Clock.RunFor(duration);

    public CommandResponse Command(string name, params string[] arguments) =>
        App.Commands.Execute(CommandRequest.Of(name, arguments));

    public void SetParameter(string name, double value)
    {
        var response = Command("PRM_SET", name, value.ToString(CultureInfo.InvariantCulture));
        if (!response.Succeeded)
        {
            throw new ArgumentException($"{name} = {value} refused: {response.Message}");
        }
    }

    public IReadOnlyList<EventRecord> EventsNamed(string name) => App.Events.Snapshot().Where(e => e.Name == name).ToArray();

    public object? Telemetry(string name) =>
        (App.Telemetry.Find(name) ?? throw new InvalidOperationException($"No telemetry channel named {name}.")).BoxedValue;

    public void Dispose() => Hardware.Dispose();

    private void OnBooted(SimBoard board)
    {
        var app = new FlightApplication(board);
        var model = TinyClassifier.Load(_protection);
        if (_withPower)
        {
            app.Add(new PowerManager(), RateGroupId.Rate1Hz);
        }

        app.Add(new FaultInjector());
        var job = new InferenceJob(model, TinyClassifier.Samples(), _latencyClock, _periodSeconds);
        app.Add(job, RateGroupId.Rate1Hz);
        if (_withScrubber)
        {
            Scrubber = new Scrubber(model.Regions);
            app.Add(Scrubber, RateGroupId.Rate10Hz);
        }

        App = app;
        Job = job;
        _boots++;
        app.Start();
    }
}
