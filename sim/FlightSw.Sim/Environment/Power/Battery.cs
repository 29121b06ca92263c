namespace FlightSw.Sim.Environment.Power;

/// <summary>
/// The energy stored in a <see cref="BatterySpec"/> battery, its open-circuit voltage through
/// the spec's curve, and its terminal voltage under load through its internal resistance.
/// Charging stores the bus power times <see cref="BatterySpec.ChargeEfficiency"/> until full;
/// discharging removes the bus power divided by <see cref="BatterySpec.DischargeEfficiency"/>
/// until empty. The efficiencies carry all the losses: the resistance only sets the voltage.
/// </summary>
/// <remarks>
/// Arithmetic only (no transcendental functions), so results are bit-identical on every
/// processor. Not thread-safe.
/// </remarks>
public sealed class Battery
{
    private const double TicksPerHour = TimeSpan.TicksPerHour;

    /// <summary>Creates a battery at <see cref="BatterySpec.InitialStateOfCharge"/>.</summary>
    /// <param name="spec">The battery; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="spec"/> is out of range (see <see cref="BatterySpec.Validate"/>).</exception>
    public Battery(BatterySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        StoredWattHours = spec.CapacityWattHours * spec.InitialStateOfCharge;
    }

    /// <summary>The battery's specification.</summary>
    public BatterySpec Spec { get; }

    /// <summary>Energy stored, in watt-hours: from 0 to <see cref="BatterySpec.CapacityWattHours"/>.</summary>
    public double StoredWattHours { get; private set; }

    /// <summary>Stored energy over capacity, 0..1.</summary>
    public double StateOfCharge => StoredWattHours / Spec.CapacityWattHours;

    /// <summary>Whether the battery holds its full capacity.</summary>
    public bool IsFull => StoredWattHours >= Spec.CapacityWattHours;

    /// <summary>Whether the battery holds nothing.</summary>
    public bool IsEmpty => StoredWattHours <= 0;

    /// <summary>Open-circuit volts at the present state of charge, from the spec's curve.</summary>
    public double OpenCircuitVolts => Spec.Curve.VoltsAt(StateOfCharge);

    /// <summary>
    /// Terminal volts while <paramref name="busWatts"/> flow out of the terminals (negative:
    /// into them, charging). With OCV the open-circuit voltage and R the internal resistance,
    /// V = OCV - I R and I = P / V, so V^2 - OCV V + P R = 0, of which V is the larger root
    /// (OCV + sqrt(OCV^2 - 4 P R)) / 2: below OCV when discharging, above it when charging.
    /// </summary>
    /// <remarks>
    /// A battery delivers at most OCV^2 / (4 R), at V = OCV / 2 (the matched load). Asked for more,
    /// the quadratic has no real root; the voltage is then clamped to that collapse point, OCV / 2:
    /// the bus is as low as the battery can hold it.
    /// </remarks>
    /// <param name="busWatts">Power drawn at the terminals, in watts: positive discharging, negative charging; finite.</param>
    /// <returns>The terminal voltage, in volts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busWatts"/> is not finite.</exception>
    public double TerminalVolts(double busWatts)
    {
        if (!double.IsFinite(busWatts))
        {
            throw new ArgumentOutOfRangeException(nameof(busWatts), busWatts, "The bus power must be a finite number of watts.");
        }

        double ocv = OpenCircuitVolts;
        double discriminant = (ocv * ocv) - (4.0 * busWatts * Spec.InternalOhms);
        return discriminant <= 0 ? ocv / 2.0 : (ocv + Math.Sqrt(discriminant)) / 2.0;
    }

    /// <summary>
    /// Runs the battery for <paramref name="duration"/> with <paramref name="netBusWatts"/>
    /// offered at the bus: solar delivered minus load, positive charging. Charging stores
    /// net x <see cref="BatterySpec.ChargeEfficiency"/> until full; the surplus beyond full is
    /// curtailed (the array's regulator backs off). Discharging removes (-net) /
    /// <see cref="BatterySpec.DischargeEfficiency"/>; when that would take the store below zero,
    /// it stops at zero and the load it could not deliver is the shortfall.
    /// </summary>
    /// <param name="netBusWatts">Net bus power, in watts; finite.</param>
    /// <param name="duration">How long it flows; zero or more.</param>
    /// <returns>Where the energy went.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="netBusWatts"/> is not finite, or <paramref name="duration"/> is negative.</exception>
    public BatteryFlow Apply(double netBusWatts, TimeSpan duration)
    {
        if (!double.IsFinite(netBusWatts))
        {
            throw new ArgumentOutOfRangeException(nameof(netBusWatts), netBusWatts, "The net bus power must be a finite number of watts.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        double busWattHours = netBusWatts * (duration.Ticks / TicksPerHour);
        double before = StoredWattHours;
        if (busWattHours > 0)
        {
            double capacity = Spec.CapacityWattHours;
            double stored = busWattHours * Spec.ChargeEfficiency;
            double room = capacity - before;
            if (stored <= room)
            {
                StoredWattHours = before + stored;
                return new BatteryFlow(stored, busWattHours - stored, 0, 0);
            }

            // Fills up: the bus gives only what the room needs, the rest is curtailed.
            double accepted = room / Spec.ChargeEfficiency;
            StoredWattHours = capacity;
            return new BatteryFlow(room, accepted - room, busWattHours - accepted, 0);
        }

        if (busWattHours < 0)
        {
            double delivered = -busWattHours;
            double removed = delivered / Spec.DischargeEfficiency;
            if (removed <= before)
            {
                StoredWattHours = before - removed;
                return new BatteryFlow(-removed, removed - delivered, 0, 0);
            }

            // Runs empty: all that was stored reaches the bus less the loss; the rest of the load is unmet.
            double reached = before * Spec.DischargeEfficiency;
            StoredWattHours = 0;
            return new BatteryFlow(-before, before - reached, 0, delivered - reached);
        }

        return default;
    }

    /// <summary>
    /// How long <paramref name="netBusWatts"/>, held constant, takes to bring the state of charge
    /// to <paramref name="targetStateOfCharge"/>: (target x capacity - stored) divided by the rate
    /// of change of the store (net x charge efficiency, or net / discharge efficiency), rounded up
    /// to the next tick so that the target has been reached by then.
    /// </summary>
    /// <param name="targetStateOfCharge">The state of charge to reach, 0..1.</param>
    /// <param name="netBusWatts">Net bus power as in <see cref="Apply"/>; finite.</param>
    /// <returns>Zero when already there; <see langword="null"/> when that power never gets there
    /// (the wrong direction, or zero) or would take longer than <see cref="TimeSpan.MaxValue"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetStateOfCharge"/> is outside 0..1, or <paramref name="netBusWatts"/> is not finite.</exception>
    public TimeSpan? TimeTo(double targetStateOfCharge, double netBusWatts)
    {
        if (!(targetStateOfCharge >= 0 && targetStateOfCharge <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetStateOfCharge), targetStateOfCharge, "The target state of charge is a fraction: from 0 to 1.");
        }

        if (!double.IsFinite(netBusWatts))
        {
            throw new ArgumentOutOfRangeException(nameof(netBusWatts), netBusWatts, "The net bus power must be a finite number of watts.");
        }

        double gap = (targetStateOfCharge * Spec.CapacityWattHours) - StoredWattHours;
        if (gap == 0)
        {
            return TimeSpan.Zero;
        }

        double rate = netBusWatts > 0 ? netBusWatts * Spec.ChargeEfficiency : netBusWatts / Spec.DischargeEfficiency;
        if (rate == 0 || (gap > 0) != (rate > 0))
        {
            return null;
        }

        double ticks = Math.Ceiling(gap / rate * TicksPerHour);
        return ticks < TimeSpan.MaxValue.Ticks ? TimeSpan.FromTicks((long)ticks) : null;
    }

    /// <summary>
    /// Sets the store to <paramref name="storedWattHours"/>: for a clocked owner that knows a
    /// threshold has been reached and corrects the last rounding error of the integration.
    /// </summary>
    internal void SettleAt(double storedWattHours) =>
        StoredWattHours = Math.Clamp(storedWattHours, 0, Spec.CapacityWattHours);
}
