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
}
