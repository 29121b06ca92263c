using FlightSw.Sim.Faults;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Environment.Radiation;

/// <summary>
/// The radiation a node meets along its orbit, on the hardware clock. Every
/// <see cref="UpdateInterval"/> it works out the rate factor — <see cref="RadiationSpec.SaaMultiplier"/>
/// inside the South Atlantic Anomaly (1 outside), plus the excess of the solar particle events
/// under way, since trapped-belt protons and solar protons add — sets it on the upset injector, accumulates the dose, and draws latch-ups and functional
/// interrupts as Poisson processes of rate per day x factor, raising <see cref="LatchUpDue"/> and
/// <see cref="FunctionalInterruptDue"/> for the hardware to carry out.
/// </summary>
/// <remarks>
/// The factor is held constant over each interval, so latch-ups and interrupts are drawn against
/// the integrated hazard (an exponential threshold per arrival, which is exact for a piecewise
/// constant rate) and happen at the end of the interval they fall in: at most
/// <see cref="UpdateInterval"/> late. A 500 km orbit moves about 75 km in that time, against an
/// SAA crossing of ten minutes or more. Its random draws come from its own seed.
/// </remarks>
public sealed class RadiationEnvironment : IDisposable
{
    /// <summary>Time between updates of the rate factor, dose and hazards: 10 s of virtual time.</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromSeconds(10);

    private readonly VirtualClock _clock;
    private readonly CircularOrbit _orbit;
    private readonly UpsetInjector _upsets;
    private readonly Random _random;
    private readonly List<SolarParticleEvent> _solarEvents;
    private ITimer? _timer;
    private TimeSpan _last;
    private double _solarFactor = 1;
    private double _latchUpHazard;
    private double _latchUpThreshold;
    private double _interruptHazard;
    private double _interruptThreshold;
    private int _nextSolarEvent;
    private bool _disposed;

    /// <summary>Creates the environment; nothing happens until <see cref="Start"/>.</summary>
    /// <param name="clock">The hardware clock; the orbit's time 0 is the clock's.</param>
    /// <param name="orbit">Where the node flies, for the South Atlantic Anomaly.</param>
    /// <param name="spec">The rates.</param>
    /// <param name="solarEvents">Solar particle events of the run, in any order.</param>
    /// <param name="upsets">The upset injector whose <see cref="UpsetInjector.RateMultiplier"/> this sets.</param>
    /// <param name="seed">Seed of the latch-up and interrupt draws.</param>
    public RadiationEnvironment(VirtualClock clock, CircularOrbit orbit, RadiationSpec spec, IEnumerable<SolarParticleEvent> solarEvents, UpsetInjector upsets, int seed)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(orbit);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(solarEvents);
        ArgumentNullException.ThrowIfNull(upsets);
        _clock = clock;
        _orbit = orbit;
        Spec = spec;
        _upsets = upsets;
        _random = new Random(seed);
        _solarEvents = [.. solarEvents.OrderBy(e => e.Onset)];
        _latchUpThreshold = ExponentialVariate.Draw(_random);
        _interruptThreshold = ExponentialVariate.Draw(_random);
    }

    /// <summary>Raised when the node enters (true) or leaves (false) the South Atlantic Anomaly.</summary>
    public event Action<bool>? SaaChanged;

    /// <summary>Raised when a solar particle event begins.</summary>
    public event Action<SolarParticleEvent>? SolarEventStarted;

    /// <summary>Raised when a random latch-up is due, with its current step in amperes.</summary>
    public event Action<double>? LatchUpDue;

    /// <summary>Raised when a random functional interrupt is due, with what it stops.</summary>
    public event Action<FunctionalInterruptKind>? FunctionalInterruptDue;

    /// <summary>Raised at the end of every update, after the factor and dose are current.</summary>
    public event Action? Updated;

    /// <summary>The rates.</summary>
    public RadiationSpec Spec { get; }

    /// <summary>Whether the node was inside the South Atlantic Anomaly at the last update.</summary>
    public bool InSaa { get; private set; }

    /// <summary>The rate factor now: the SAA factor (1 outside it) plus the solar events' excess.</summary>
    public double Multiplier { get; private set; } = 1;

    /// <summary>The highest rate factor so far.</summary>
    public double PeakMultiplier { get; private set; } = 1;

    /// <summary>Total ionizing dose so far, in rad(Si).</summary>
    public double DoseRad { get; private set; }

    /// <summary>SAA passes begun so far.</summary>
    public int SaaPasses { get; private set; }

    /// <summary>Starts the updates, the first one now.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_timer is not null)
        {
            return;
        }

        _last = _clock.Elapsed;
        _timer = _clock.CreateTimer(_ => Step(), null, TimeSpan.Zero, UpdateInterval);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
        _timer = null;
    }

    private void Step()
    {
        var now = _clock.Elapsed;
        double days = (now - _last).TotalDays;
        _last = now;

        // What the interval that just ended accrued, at the factor that held over it.
        DoseRad += Spec.DoseRadPerDay * _solarFactor * days;
        _latchUpHazard += Spec.LatchUpsPerDay * Multiplier * days;
        _interruptHazard += Spec.FunctionalInterruptsPerDay * Multiplier * days;
        while (_latchUpHazard >= _latchUpThreshold)
        {
            _latchUpHazard -= _latchUpThreshold;
            _latchUpThreshold = ExponentialVariate.Draw(_random);
            LatchUpDue?.Invoke(Spec.LatchUpStepAmps);
        }

        while (_interruptHazard >= _interruptThreshold)
        {
            _interruptHazard -= _interruptThreshold;
            _interruptThreshold = ExponentialVariate.Draw(_random);
            var kind = _random.NextDouble() < Spec.BoardHangFraction ? FunctionalInterruptKind.Board : FunctionalInterruptKind.Thread;
            FunctionalInterruptDue?.Invoke(kind);
        }

        // The factor for the interval that starts now, set before any event is raised so that
        // handlers see the factor of the state they are told about.
        bool inSaa = SouthAtlanticAnomaly.Contains(_orbit.SubSatellitePoint(now));
        bool saaChanged = inSaa != InSaa;
        InSaa = inSaa;
        if (saaChanged && inSaa)
        {
            SaaPasses++;
        }

        double excess = 0;
        foreach (var solarEvent in _solarEvents)
        {
            excess += solarEvent.ExcessAt(now);
        }

        _solarFactor = 1 + excess;
        Multiplier = (InSaa ? Spec.SaaMultiplier : 1) + excess;
        PeakMultiplier = Math.Max(PeakMultiplier, Multiplier);
        _upsets.RateMultiplier = Multiplier;
        while (_nextSolarEvent < _solarEvents.Count && _solarEvents[_nextSolarEvent].Onset <= now)
        {
            // Advance first: with no handler, ?.Invoke would skip its argument and the index would never move.
            var started = _solarEvents[_nextSolarEvent];
            _nextSolarEvent++;
            SolarEventStarted?.Invoke(started);
        }

        if (saaChanged)
        {
            SaaChanged?.Invoke(inSaa);
        }

        Updated?.Invoke();
    }
}
