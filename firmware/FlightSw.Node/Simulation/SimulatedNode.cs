using FlightSw.Core.Application;
using FlightSw.Core.Events;
using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Node.Payload;
using FlightSw.Sim;
using FlightSw.Sim.Time;

namespace FlightSw.Node.Simulation;

/// <summary>
/// The flight node on the simulated board: boots the <see cref="FlightImage"/> on every
/// power-on and reset of the <see cref="SimHardware"/>, drops it when a reset ends the boot
/// (no orderly shutdown, as on hardware), and keeps the run's statistics across boots. A boot
/// whose software throws while starting has crashed: the hardware restarts it, as systemd
/// restarts the process on a Linux board, and the next boot reports cause Crash.
/// </summary>
public sealed class SimulatedNode : IDisposable
{
    private readonly Func<IBoard, FlightApplication> _image;

    /// <summary>Builds the simulated board; call <see cref="PowerOn"/> and run the clock.</summary>
    /// <param name="board">The board file to simulate.</param>
    /// <param name="seed">Seed of every random choice in the run.</param>
    /// <param name="options">Hardware settings; defaults when null.</param>
    /// <param name="image">Composes the software for each boot; when null, <see cref="FlightImage.Compose"/> with the images folder's payload, read once here.</param>
    /// <exception cref="InvalidDataException">No <paramref name="image"/> is given and the images folder's payload is refused.</exception>
    public SimulatedNode(BoardDefinition board, int seed, SimHardwareOptions? options = null, Func<IBoard, FlightApplication>? image = null)
    {
        _image = image ?? ImageOf(FlightPayload.Load(PayloadImageManifest.DefaultDirectory()));
        Hardware = new SimHardware(board, seed, options);
        Hardware.Booted += OnBooted;
        Hardware.BootEnded += OnBootEnded;
    }

    /// <summary>Raised for every event of every boot.</summary>
    public event Action<EventRecord>? EventEmitted;

    /// <summary>Raised when a boot's software has started.</summary>
    public event Action<FlightApplication>? Booted;

    /// <summary>The simulated hardware.</summary>
    public SimHardware Hardware { get; }

    /// <summary>The hardware clock.</summary>
    public VirtualClock Clock => Hardware.Clock;

    /// <summary>The running boot's software; null while the board is off or booting.</summary>
    public FlightApplication? Application { get; private set; }

    /// <summary>Counters summed over every boot.</summary>
    public NodeStatistics Statistics { get; } = new();

    /// <summary>Applies power; the first boot starts after the boot delay.</summary>
    public void PowerOn() => Hardware.PowerOn();

    /// <summary>Runs simulated time forward by <paramref name="duration"/>.</summary>
    public void RunFor(TimeSpan duration, IClockPacer? pacer = null) => Clock.RunFor(duration, pacer);

    /// <summary>Runs until <paramref name="condition"/> holds or <paramref name="limit"/> of simulated time passes.</summary>
    public bool RunUntil(Func<bool> condition, TimeSpan limit) => Clock.RunUntil(condition, limit);

    /// <summary>The summary of the run so far.</summary>
    public NodeSummary Summarize(TimeSpan? requested = null) => NodeSummary.From(this, requested ?? Clock.Elapsed);

    /// <inheritdoc />
    public void Dispose()
    {
        Application?.Stop();
        Application = null;
        Hardware.Dispose();
    }

    /// <summary>The flight image composed with <paramref name="payload"/>, read and checked once for every boot.</summary>
    private static Func<IBoard, FlightApplication> ImageOf(FlightPayload payload) => board => FlightImage.Compose(board, payload: payload);

    private void OnBooted(SimBoard board)
    {
        var app = _image(board);
        app.Events.Emitted += record =>
        {
            Statistics.Count(record);
            EventEmitted?.Invoke(record);
        };
        Application = app;
        try
        {
            app.Start();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The process died at boot: what it did is gone, and its supervisor starts it again.
            Application = null;
            Hardware.ReportCrash($"{ex.GetType().Name}: {ex.Message}");
            return;
        }

        Booted?.Invoke(app);
    }

    private void OnBootEnded(SimBoard board, ResetRecord reset)
    {
        if (Application is { } app)
        {
            Statistics.EndBoot(app);
            Application = null;
        }
    }
}
