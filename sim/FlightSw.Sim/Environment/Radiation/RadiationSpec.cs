using FlightSw.Sim.Faults;

namespace FlightSw.Sim.Environment.Radiation;

/// <summary>
/// The radiation a node meets, as rates: upsets per bit per day (times
/// <see cref="SaaMultiplier"/> inside the South Atlantic Anomaly, plus the solar particle
/// events' excess), functional interrupts and latch-ups per day (scaled the same way), and the
/// dose rate. Everything is off (zero) by default except the dose and the SAA factor.
/// </summary>
public sealed record RadiationSpec
{
    /// <summary>Upsets per bit per day outside the SAA and outside solar events; 0 (none) by default. Alsat-1 measured <see cref="UpsetInjectorOptions.Alsat1RatePerBitPerDay"/>.</summary>
    public double UpsetRatePerBitPerDay { get; init; }

    /// <summary>Share of upsets that flip several adjacent bits; <see cref="UpsetInjectorOptions.DefaultMultiBitFraction"/> by default.</summary>
    public double MultiBitFraction { get; init; } = UpsetInjectorOptions.DefaultMultiBitFraction;

    /// <summary>Rate factor inside the South Atlantic Anomaly; 30 by default (UoSAT-2 saw most of its upsets there).</summary>
    public double SaaMultiplier { get; init; } = 30;

    /// <summary>Single-event functional interrupts per day outside the SAA and solar events; 0 by default.</summary>
    public double FunctionalInterruptsPerDay { get; init; }

    /// <summary>Share of functional interrupts that stop the whole board rather than one thread; 0.5 by default.</summary>
    public double BoardHangFraction { get; init; } = 0.5;

    /// <summary>Single-event latch-ups per day outside the SAA and solar events; 0 by default.</summary>
    public double LatchUpsPerDay { get; init; }

    /// <summary>Supply current a latch-up adds, in amperes; 1 A by default.</summary>
    public double LatchUpStepAmps { get; init; } = 1.0;

    /// <summary>How long a latched board survives without a power cycle before it burns out; 10 s by default.</summary>
    public TimeSpan LatchUpDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Total ionizing dose rate, orbit average, in rad(Si) per day (times the solar events' factor); 5 by default (about 1.8 krad a year at 500 km behind light shielding).</summary>
    public double DoseRadPerDay { get; init; } = 5;

    /// <summary>Extra idle load per krad of dose, in watts (leakage grows with dose); 0.05 W by default.</summary>
    public double LeakageWattsPerKrad { get; init; } = 0.05;
}
