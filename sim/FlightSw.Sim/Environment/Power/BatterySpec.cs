using FlightSw.Hal.Power;

namespace FlightSw.Sim.Environment.Power;

/// <summary>
/// The battery and the supply's undervoltage lockout. The board loses power when the battery's
/// open-circuit voltage falls to <see cref="CutoffVolts"/> and gets it back when charging has
/// lifted it to <see cref="PowerOnVolts"/>. Defaults are a 2-cell lithium-ion pack of 40 Wh.
/// </summary>
public sealed record BatterySpec
{
    /// <summary>Default capacity: 40 Wh.</summary>
    public const double DefaultCapacityWattHours = 40;

    /// <summary>Usable energy when full, in watt-hours.</summary>
    public double CapacityWattHours { get; init; } = DefaultCapacityWattHours;

    /// <summary>State of charge at the start of the run, 0..1; 0.9 by default.</summary>
    public double InitialStateOfCharge { get; init; } = 0.9;

    /// <summary>Share of the charging power that ends up stored, 0..1; 0.95 by default.</summary>
    public double ChargeEfficiency { get; init; } = 0.95;

    /// <summary>Share of the stored energy drawn that reaches the bus, 0..1; 0.95 by default.</summary>
    public double DischargeEfficiency { get; init; } = 0.95;

    /// <summary>Internal resistance, in ohms: the terminal voltage sags by current x resistance under load; 0.08 by default.</summary>
    public double InternalOhms { get; init; } = 0.08;

    /// <summary>Open-circuit voltage by state of charge; two lithium-ion cells by default.</summary>
    public BatteryCurve Curve { get; init; } = BatteryCurve.LithiumIon(2);

    /// <summary>Open-circuit volts at which the supply disconnects the board (brownout); 6.6 V (5 % charge) by default.</summary>
    public double CutoffVolts { get; init; } = 6.6;

    /// <summary>Open-circuit volts at which the supply reconnects the board; 7.1 V (20 % charge) by default. Above <see cref="CutoffVolts"/>.</summary>
    public double PowerOnVolts { get; init; } = 7.1;

    /// <summary>
    /// Throws when a setting is out of range; the message names the field and says why. The
    /// capacity is finite and above zero; the initial charge 0..1; the efficiencies above 0 and at
    /// most 1; the resistance finite and zero or more; and the thresholds lie on the curve with
    /// <see cref="BatteryCurve.EmptyVolts"/> &lt;= <see cref="CutoffVolts"/> &lt;
    /// <see cref="PowerOnVolts"/> &lt;= <see cref="BatteryCurve.FullVolts"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Curve"/> is null.</exception>
    public void Validate()
    {
        if (!double.IsFinite(CapacityWattHours) || CapacityWattHours <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CapacityWattHours), CapacityWattHours, "The battery capacity must be a finite number of watt-hours above zero.");
        }

        if (!(InitialStateOfCharge >= 0 && InitialStateOfCharge <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialStateOfCharge), InitialStateOfCharge, "The initial state of charge is a fraction: from 0 to 1.");
        }

        if (!(ChargeEfficiency > 0 && ChargeEfficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ChargeEfficiency), ChargeEfficiency, "The charge efficiency must be above 0 and at most 1.");
        }

        if (!(DischargeEfficiency > 0 && DischargeEfficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DischargeEfficiency), DischargeEfficiency, "The discharge efficiency must be above 0 and at most 1.");
        }

        if (!double.IsFinite(InternalOhms) || InternalOhms < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InternalOhms), InternalOhms, "The internal resistance must be a finite number of ohms, zero or more.");
        }

        ArgumentNullException.ThrowIfNull(Curve);
        if (!(CutoffVolts >= Curve.EmptyVolts && CutoffVolts < Curve.FullVolts))
        {
            throw new ArgumentOutOfRangeException(nameof(CutoffVolts), CutoffVolts, FormattableString.Invariant($"The cutoff voltage must lie on the curve, from its empty {Curve.EmptyVolts} V to below its full {Curve.FullVolts} V."));
        }

        if (!(PowerOnVolts > CutoffVolts && PowerOnVolts <= Curve.FullVolts))
        {
            throw new ArgumentOutOfRangeException(nameof(PowerOnVolts), PowerOnVolts, FormattableString.Invariant($"The power-on voltage must lie above the cutoff voltage ({CutoffVolts} V) and at most at the curve's full {Curve.FullVolts} V."));
        }
    }
}
