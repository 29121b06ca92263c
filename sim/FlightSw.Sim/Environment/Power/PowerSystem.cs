using FlightSw.Sim.Environment.Thermal;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Environment.Power;

/// <summary>
/// The node's electrical power system and board temperature on virtual time: the solar array
/// charges the battery in sunlight (<see cref="CircularOrbit"/>), the board draws its
/// <see cref="LoadSpec"/> load from the battery's unregulated bus, and the supply's undervoltage
/// lockout reports <see cref="Brownout"/> and <see cref="Recovered"/>. The power monitor reads
/// <see cref="BusVolts"/> and <see cref="CurrentAmps"/>; the temperature sensor reads
/// <see cref="BoardCelsius"/>.
/// </summary>
/// <remarks>
/// <para>
/// Integration is exact and event-driven. Between changes everything is constant (the array's
/// power in sunlight, zero in eclipse; the load), so the stored energy is linear in time and the
/// temperature an exponential. Every getter and setter first integrates up to the clock's
/// <see cref="VirtualClock.Elapsed"/> (<see cref="Update"/>), cutting the interval at each shadow
/// entry and exit. One clock timer is armed at the next thing that changes by itself: a shadow
/// entry or exit, the battery becoming full, the cutoff crossing while the board is powered and
/// discharging, or the power-on crossing while it is off and charging; a handful of callbacks
/// per orbit. Crossing times are rounded up to the tick; when the timer fires on time, the store
/// is settled exactly on the threshold (a correction of rounding size), so a crossing is neither
/// missed nor raised twice.
/// </para>
/// <para>
/// Time zero of the orbit is the clock's elapsed time zero. The same inputs give the same results
/// bit for bit on one machine (the orbit's and the thermal model's transcendental functions may
/// differ in the last bit between processors). Not thread-safe: use it on the thread that runs
/// the clock.
/// </para>
/// </remarks>
public sealed class PowerSystem : ISupplyRail, IThermalState, IDisposable
{
    private readonly VirtualClock _clock;
    private readonly CircularOrbit _orbit;
    private readonly SolarArray _array;
    private readonly LoadSpec _loads;
    private readonly Battery _battery;
    private readonly PowerLedger _ledger;
    private readonly ThermalModel _thermal;
    private readonly ITimer _timer;
    private readonly double _cutoffWattHours;
    private readonly double _powerOnWattHours;
    private long _integratedTicks;
    private bool _sunlit;
    private long _sunlightChangeTicks = long.MaxValue;
    private long _eclipseExitTicks = long.MaxValue;
    private bool _powered;
    private int _runningJobs;
    private double _extraAmps;
    private double _extraAmpsWatts;
    private double _extraWatts;
    private double _loadWatts;
    private bool _brownoutDue;
    private bool _recoveredDue;
    private PowerWake _armedWake;
    private long _armedTicks = -1;
    private bool _disposed;

    /// <summary>
    /// Creates the power system at the clock's present time with the board off
    /// (<see cref="BoardPowered"/> false), the battery at its initial charge and the board at its
    /// initial temperature.
    /// </summary>
    /// <param name="clock">The hardware clock; its elapsed time is the orbit's time since epoch.</param>
    /// <param name="orbit">The orbit, which decides sunlight and eclipse.</param>
    /// <param name="array">The solar array; validated here.</param>
    /// <param name="battery">The battery and undervoltage lockout; validated here.</param>
    /// <param name="loads">The board's loads; validated here.</param>
    /// <param name="thermal">The board's thermal behaviour; validated here.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of a spec is out of range; the message names it.</exception>
    public PowerSystem(VirtualClock clock, CircularOrbit orbit, SolarArray array, BatterySpec battery, LoadSpec loads, ThermalSpec thermal)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(orbit);
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(battery);
        ArgumentNullException.ThrowIfNull(loads);
        ArgumentNullException.ThrowIfNull(thermal);
        array.Validate();
        loads.Validate();
        _clock = clock;
        _orbit = orbit;
        _array = array;
        _loads = loads;
        _battery = new Battery(battery);
        _thermal = new ThermalModel(thermal);
        _ledger = new PowerLedger(_battery.StoredWattHours);
        CutoffStateOfCharge = battery.Curve.StateOfChargeAt(battery.CutoffVolts);
        PowerOnStateOfCharge = battery.Curve.StateOfChargeAt(battery.PowerOnVolts);
        _cutoffWattHours = CutoffStateOfCharge * battery.CapacityWattHours;
        _powerOnWattHours = PowerOnStateOfCharge * battery.CapacityWattHours;
        _integratedTicks = clock.Elapsed.Ticks;
        StartSunlight(clock.Elapsed);
        _loadWatts = ComputeLoadWatts();
        _timer = clock.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Plan();
    }

    /// <summary>
    /// Raised from a clock timer callback when the battery's open-circuit voltage falls to
    /// <see cref="BatterySpec.CutoffVolts"/> while <see cref="BoardPowered"/> is true, and when
    /// the board is switched on while the voltage is already at or below it (the lockout does
    /// not hold). The system does not switch the board off itself: the handler (the hardware)
    /// sets <see cref="BoardPowered"/> to false, which it may do from inside the handler.
    /// </summary>
    public event Action? Brownout;

    /// <summary>
    /// Raised from a clock timer callback when charging lifts the battery's open-circuit voltage
    /// to <see cref="BatterySpec.PowerOnVolts"/> while <see cref="BoardPowered"/> is false. The
    /// handler (the hardware) sets <see cref="BoardPowered"/> to true, from inside the handler if
    /// it likes.
    /// </summary>
    public event Action? Recovered;

    /// <summary>
    /// Whether the supply feeds the board: false at construction; the hardware switches it. The
    /// load is <see cref="LoadSpec.OffWatts"/> while false.
    /// </summary>
    public bool BoardPowered
    {
        get => _powered;
        set
        {
            Update();
            if (value == _powered)
            {
                return;
            }

            _powered = value;
            _loadWatts = ComputeLoadWatts();
            if (value && _battery.StoredWattHours <= _cutoffWattHours)
            {
                _brownoutDue = true;
            }

            Plan();
        }
    }

    /// <summary>Jobs running on the board (the software's workload); zero or more, 0 at construction.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int RunningJobs
    {
        get => _runningJobs;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Update();
            if (value == _runningJobs)
            {
                return;
            }

            _runningJobs = value;
            _loadWatts = ComputeLoadWatts();
            Plan();
        }
    }

    /// <summary>
    /// Extra supply current of the powered board, in amperes: latch-up steps. On each change it
    /// is converted to watts at the terminal voltage of that moment (before the change) and that
    /// power is held until the next change, so the energy bookkeeping stays in watts. It counts
    /// only while <see cref="BoardPowered"/>; the value is kept across power cycles, so whoever
    /// models the latch-up clears it. Finite and zero or more; 0 at construction.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double ExtraAmps
    {
        get => _extraAmps;
        set
        {
            NonNegative(value, "amperes");
            Update();
            if (value == _extraAmps)
            {
                return;
            }

            _extraAmpsWatts = value * _battery.TerminalVolts(BatteryWattsNow());
            _extraAmps = value;
            _loadWatts = ComputeLoadWatts();
            Plan();
        }
    }

    /// <summary>
    /// Extra load of the powered board, in watts: for example leakage growing with radiation
    /// dose. It counts only while <see cref="BoardPowered"/>. Finite and zero or more; 0 at construction.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double ExtraWatts
    {
        get => _extraWatts;
        set
        {
            NonNegative(value, "watts");
            Update();
            if (value == _extraWatts)
            {
                return;
            }

            _extraWatts = value;
            _loadWatts = ComputeLoadWatts();
            Plan();
        }
    }

    /// <summary>The battery. Read it; do not <see cref="Power.Battery.Apply"/> to it, the system does.</summary>
    public Battery Battery
    {
        get
        {
            Update();
            return _battery;
        }
    }

    /// <summary>Energy totals since construction; <see cref="PowerLedger.ImbalanceWattHours"/> against <see cref="Battery"/> stays at rounding level.</summary>
    public PowerLedger Ledger
    {
        get
        {
            Update();
            return _ledger;
        }
    }

    /// <summary>The board's temperature model; it dissipates the whole <see cref="LoadWatts"/>.</summary>
    public ThermalModel Thermal
    {
        get
        {
            Update();
            return _thermal;
        }
    }

    /// <summary>Whether the node is in sunlight: not in the orbit's shadow, switched at the millisecond <see cref="CircularOrbit.NextEclipse"/> gives.</summary>
    public bool IsSunlit
    {
        get
        {
            Update();
            return _sunlit;
        }
    }

    /// <summary>What the board draws, in watts: the <see cref="LoadSpec"/> load, plus, while powered, <see cref="ExtraWatts"/> and the held power of <see cref="ExtraAmps"/>.</summary>
    public double LoadWatts
    {
        get
        {
            Update();
            return _loadWatts;
        }
    }

    /// <summary>What the array produces now, in watts: <see cref="SolarArray.SunlitWatts"/> in sunlight, zero in eclipse (before any curtailment).</summary>
    public double SolarWatts
    {
        get
        {
            Update();
            return _array.PowerWatts(_sunlit);
        }
    }

    /// <summary>
    /// Power at the battery's terminals now, in watts, positive discharging: load minus solar,
    /// except zero while a full battery curtails the surplus or an empty one can give nothing.
    /// </summary>
    public double BatteryWatts
    {
        get
        {
            Update();
            return BatteryWattsNow();
        }
    }

    /// <summary>
    /// Voltage of the board's bus, which is the unregulated battery bus the power monitor
    /// measures: the battery's terminal voltage under <see cref="BatteryWatts"/>
    /// (<see cref="Power.Battery.TerminalVolts"/>): below the open-circuit voltage under load,
    /// above it while charging.
    /// </summary>
    public double BusVolts
    {
        get
        {
            Update();
            return _battery.TerminalVolts(BatteryWattsNow());
        }
    }

    /// <summary>Current the board draws through the shunt: <see cref="LoadWatts"/> / <see cref="BusVolts"/> (the held <see cref="ExtraAmps"/> power is part of the load).</summary>
    public double CurrentAmps
    {
        get
        {
            Update();
            return _loadWatts / _battery.TerminalVolts(BatteryWattsNow());
        }
    }

    /// <inheritdoc />
    public double BoardCelsius
    {
        get
        {
            Update();
            return _thermal.BoardCelsius;
        }
    }

    /// <summary>State of charge at <see cref="BatterySpec.CutoffVolts"/> on the battery's curve.</summary>
    public double CutoffStateOfCharge { get; }

    /// <summary>State of charge at <see cref="BatterySpec.PowerOnVolts"/> on the battery's curve.</summary>
    public double PowerOnStateOfCharge { get; }

    /// <summary>
    /// Integrates battery, ledger and temperature up to the clock's present time, interval by
    /// interval of constant conditions. Getters and setters call it; calling it more or less often
    /// changes nothing but rounding.
    /// </summary>
    public void Update()
    {
        long now = _clock.Elapsed.Ticks;
        bool crossed = false;
        while (true)
        {
            while (_sunlightChangeTicks <= _integratedTicks)
            {
                ChangeSunlight();
            }

            if (_integratedTicks >= now)
            {
                break;
            }

            long end = Math.Min(now, _sunlightChangeTicks);
            crossed |= Integrate(end - _integratedTicks);
            _integratedTicks = end;
        }

        if (crossed)
        {
            Plan();
        }
    }

    /// <summary>Disarms the timer: no more events. The getters still integrate on demand.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer.Dispose();
    }

    private static void NonNegative(double value, string unit)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The extra load must be a finite number of {unit}, zero or more.");
        }
    }

    private double ComputeLoadWatts() =>
        _loads.WattsFor(_powered, _runningJobs) + (_powered ? _extraWatts + _extraAmpsWatts : 0);

    private double BatteryWattsNow()
    {
        double net = _array.PowerWatts(_sunlit) - _loadWatts;
        if ((net > 0 && _battery.IsFull) || (net < 0 && _battery.IsEmpty))
        {
            return 0;
        }

        return -net;
    }

    /// <summary>Runs one interval of constant conditions; true when it crossed a lockout threshold.</summary>
    private bool Integrate(long ticks)
    {
        var duration = TimeSpan.FromTicks(ticks);
        double hours = ticks / (double)TimeSpan.TicksPerHour;
        double solar = _array.PowerWatts(_sunlit);
        double before = _battery.StoredWattHours;
        var flow = _battery.Apply(solar - _loadWatts, duration);
        _ledger.Record(solar * hours, _loadWatts * hours, flow);
        _thermal.Advance(duration, _sunlit, _loadWatts);
        double after = _battery.StoredWattHours;
        bool crossed = false;
        if (_powered && before > _cutoffWattHours && after <= _cutoffWattHours)
        {
            crossed = _brownoutDue = true;
        }

        if (!_powered && before < _powerOnWattHours && after >= _powerOnWattHours)
        {
            crossed = _recoveredDue = true;
        }

        return crossed;
    }

    private void OnTimer()
    {
        var wake = _armedWake;
        long due = _armedTicks;
        _armedWake = PowerWake.None;
        _armedTicks = -1;
        Update();
        bool onTime = _integratedTicks == due;
        double stored = _battery.StoredWattHours;
        switch (wake)
        {
            case PowerWake.Cutoff:
                // Planned with nothing changing before it: the crossing has happened.
                if (onTime && stored > _cutoffWattHours)
                {
                    _battery.SettleAt(_cutoffWattHours);
                }

                _brownoutDue = true;
                break;
            case PowerWake.PowerOn:
                if (onTime && stored < _powerOnWattHours)
                {
                    _battery.SettleAt(_powerOnWattHours);
                }

                _recoveredDue = true;
                break;
            case PowerWake.Full:
                if (onTime && !_battery.IsFull)
                {
                    _battery.SettleAt(_battery.Spec.CapacityWattHours);
                }

                break;
        }

        bool brownout = _brownoutDue;
        bool recovered = _recoveredDue;
        _brownoutDue = false;
        _recoveredDue = false;
        Plan();

        // Handlers may set properties, which integrate (nothing: no time has passed) and re-plan.
        if (brownout && _powered)
        {
            Brownout?.Invoke();
        }

        if (recovered && !_powered)
        {
            Recovered?.Invoke();
        }
    }

    /// <summary>Arms the one timer at the next thing that changes by itself, unless it is armed there already.</summary>
    private void Plan()
    {
        if (_disposed)
        {
            return;
        }

        var (wake, due) = NextWake();
        if (wake == _armedWake && due == _armedTicks)
        {
            return;
        }

        _armedWake = wake;
        _armedTicks = due;
        _timer.Change(wake == PowerWake.None ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(due - _integratedTicks), Timeout.InfiniteTimeSpan);
    }

    private (PowerWake Wake, long Ticks) NextWake()
    {
        long now = _integratedTicks;
        if (_brownoutDue || _recoveredDue)
        {
            return (PowerWake.Raise, now);
        }

        var next = (Wake: PowerWake.None, Ticks: long.MaxValue);
        double net = _array.PowerWatts(_sunlit) - _loadWatts;
        double stored = _battery.StoredWattHours;
        if (_powered && net < 0 && stored > _cutoffWattHours)
        {
            Consider(ref next, PowerWake.Cutoff, _battery.TimeTo(CutoffStateOfCharge, net), now);
        }

        if (!_powered && net > 0 && stored < _powerOnWattHours)
        {
            Consider(ref next, PowerWake.PowerOn, _battery.TimeTo(PowerOnStateOfCharge, net), now);
        }

        if (net > 0 && !_battery.IsFull)
        {
            Consider(ref next, PowerWake.Full, _battery.TimeTo(1, net), now);
        }

        if (_sunlightChangeTicks < next.Ticks)
        {
            next = (PowerWake.Sunlight, _sunlightChangeTicks);
        }

        return next;
    }

    private static void Consider(ref (PowerWake Wake, long Ticks) next, PowerWake wake, TimeSpan? after, long now)
    {
        if (after is { } wait && wait.Ticks <= long.MaxValue - now && now + wait.Ticks < next.Ticks)
        {
            next = (wake, now + wait.Ticks);
        }
    }

    private void StartSunlight(TimeSpan now)
    {
        _sunlit = !_orbit.IsInEclipse(now);
        if (_sunlit)
        {
            ScheduleNextEclipse(now);
            return;
        }

        if (_orbit.NextEclipse(now) is not { } next)
        {
            // A shadow too short to resolve on the millisecond grid: treat the orbit as always sunlit.
            _sunlit = true;
            return;
        }

        _sunlightChangeTicks = CurrentEclipseExit(now.Ticks, next.Exit.Ticks);
    }

    /// <summary>The exit of the shadow under way at <paramref name="now"/>: one period before the next one's, settled on the millisecond grid.</summary>
    private long CurrentEclipseExit(long now, long nextExit)
    {
        const long Ms = TimeSpan.TicksPerMillisecond;
        const int MaxSteps = 100_000;
        long period = _orbit.Period.Ticks;
        long exit = nextExit - period;
        for (int i = 0; i < MaxSteps && InEclipse(exit); i++)
        {
            exit += Ms;
        }

        for (int i = 0; i < MaxSteps && exit - Ms > now && !InEclipse(exit - Ms); i++)
        {
            exit -= Ms;
        }

        if (exit > now && !InEclipse(exit))
        {
            return exit;
        }

        // Fallback: walk the grid from now, at most one period.
        exit = ((now / Ms) + 1) * Ms;
        long limit = now + period;
        while (exit < limit && InEclipse(exit))
        {
            exit += Ms;
        }

        return exit;
    }

    private bool InEclipse(long ticks) => _orbit.IsInEclipse(TimeSpan.FromTicks(ticks));

    private void ScheduleNextEclipse(TimeSpan after)
    {
        if (_orbit.NextEclipse(after) is { } next)
        {
            _sunlightChangeTicks = next.Entry.Ticks;
            _eclipseExitTicks = next.Exit.Ticks;
        }
        else
        {
            _sunlightChangeTicks = long.MaxValue;
            _eclipseExitTicks = long.MaxValue;
        }
    }

    private void ChangeSunlight()
    {
        if (_sunlit)
        {
            _sunlit = false;
            _sunlightChangeTicks = _eclipseExitTicks;
        }
        else
        {
            _sunlit = true;
            ScheduleNextEclipse(TimeSpan.FromTicks(_sunlightChangeTicks));
        }
    }
}
