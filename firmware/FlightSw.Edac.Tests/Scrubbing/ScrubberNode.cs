using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.FaultInjection;
using FlightSw.Core.Scheduling;
using FlightSw.Edac.Regions;
using FlightSw.Edac.Scrubbing;
using FlightSw.Hal.Boards;
using FlightSw.Sim;
using FlightSw.Sim.Faults;

namespace FlightSw.Edac.Tests.Scrubbing;

/// <summary>
/// The simulated board flying a scrubber (and the fault injector) over regions made fresh for
/// every boot, as volatile memory is. Events of every boot are kept, in order.
/// </summary>
internal sealed class ScrubberNode : IDisposable
{
    private static readonly Lazy<BoardDefinition> SimDefinition = new(() => BoardCatalog.Locate().Load("sim"));

    private readonly Func<IReadOnlyList<EccRegion>> _regions;
    private readonly Action<Scrubber>? _configure;
    private readonly List<EventRecord> _events = [];

    public ScrubberNode(Func<IReadOnlyList<EccRegion>> regions, Action<Scrubber>? configure = null, UpsetInjectorOptions? upsets = null)
    {
        _regions = regions;
        _configure = configure;
        Hardware = new SimHardware(SimDefinition.Value, seed: 3, new SimHardwareOptions { SensorNoise = false, Upsets = upsets ?? new UpsetInjectorOptions() });
        Hardware.Booted += OnBooted;
        Hardware.PowerOn();
        RunUntilBoot(1);
    }

    public SimHardware Hardware { get; }

    public FlightApplication App { get; private set; } = null!;

    public Scrubber Scrubber { get; private set; } = null!;

    public int Boots { get; private set; }

    public IReadOnlyList<EventRecord> Events => _events;

    public EccRegion Region(string name) => Scrubber.Regions.Single(region => region.Name == name);

    public IReadOnlyList<EventRecord> EventsNamed(string name) => _events.Where(e => e.Name == name).ToArray();

    public object? Telemetry(string name) =>
        (App.Telemetry.Find(name) ?? throw new InvalidOperationException($"No telemetry channel named {name}.")).BoxedValue;

    public void RunFor(TimeSpan duration) => Hardware.Clock.RunFor(duration);

    public void RunUntilBoot(int boot)
    {
        if (!Hardware.Clock.RunUntil(() => Boots >= boot, TimeSpan.FromMinutes(1)))
        {
            throw new InvalidOperationException($"Boot {boot} did not happen within a minute.");
        }
    }

    public CommandResponse Send(string command, params string[] arguments)
    {
        CommandResponse? response = null;
        App.Commands.Submit(CommandRequest.Of(command, arguments), r => response = r);
        Hardware.Clock.RunUntil(() => response is not null, TimeSpan.FromSeconds(5));
        return response ?? throw new TimeoutException($"No answer to {command}.");
    }

    public void SetParameter(string name, double value)
    {
        var parameter = Scrubber.Parameters.Single(p => p.Name == name);
        if (!parameter.TrySetText(value.ToString(System.Globalization.CultureInfo.InvariantCulture), out string error))
        {
            throw new ArgumentException(error);
        }
    }

    public void Dispose() => Hardware.Dispose();

    private void OnBooted(SimBoard board)
    {
        var app = new FlightApplication(board);
        var scrubber = new Scrubber(_regions());
        _configure?.Invoke(scrubber);
        app.Add(new FaultInjector());
        app.Add(scrubber, RateGroupId.Rate10Hz);
        app.Events.Emitted += _events.Add;
        App = app;
        Scrubber = scrubber;
        Boots++;
        app.Start();
    }
}
