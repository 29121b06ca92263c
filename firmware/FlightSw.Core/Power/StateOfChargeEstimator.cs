using FlightSw.Hal.Power;

namespace FlightSw.Core.Power;

/// <summary>
/// Estimates the battery's state of charge from the supply bus: the open-circuit voltage is the
/// bus voltage plus the sag across the internal resistance while the battery is discharging
/// (OCV = V + I x R for I &gt; 0; a negative current is not corrected), read back through the
/// battery curve, and smoothed by an exponentially weighted moving average with time constant
/// <see cref="TimeConstant"/> (weight 1 - exp(-dt / tau) for a reading dt after the previous one,
/// so irregular readings weigh what their interval is worth). The first reading seeds the average.
/// </summary>
public sealed class StateOfChargeEstimator
{
    private BatteryCurve _curve;
    private double _internalOhms;
    private TimeSpan _timeConstant;

    /// <summary>Creates an estimator with no reading yet.</summary>
    /// <param name="curve">The battery's open-circuit voltage by state of charge.</param>
    /// <param name="internalOhms">The battery's internal resistance, in ohms (0 or more).</param>
    /// <param name="timeConstant">The smoothing time constant; zero for no smoothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">The resistance or the time constant is negative or not finite.</exception>
    public StateOfChargeEstimator(BatteryCurve curve, double internalOhms, TimeSpan timeConstant)
    {
        ArgumentNullException.ThrowIfNull(curve);
        _curve = curve;
        InternalOhms = internalOhms;
        TimeConstant = timeConstant;
    }

    /// <summary>The battery curve the voltage is read through.</summary>
    public BatteryCurve Curve
    {
        get => _curve;
        set => _curve = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The battery's internal resistance, in ohms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative or non-finite value.</exception>
    public double InternalOhms
    {
        get => _internalOhms;
        set => _internalOhms = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The internal resistance is a finite number of ohms, 0 or more.");
    }

    /// <summary>The smoothing time constant; zero takes every reading as it is.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public TimeSpan TimeConstant
    {
        get => _timeConstant;
        set => _timeConstant = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The time constant cannot be negative.");
    }

    /// <summary>The smoothed state of charge (0..1); null before the first reading.</summary>
    public double? StateOfCharge { get; private set; }

    /// <summary>The open-circuit voltage of the latest reading, in volts; NaN before the first.</summary>
    public double OpenCircuitVolts { get; private set; } = double.NaN;

    /// <summary>The open-circuit voltage for a bus at <paramref name="busVolts"/> carrying <paramref name="currentAmps"/> out of a battery of <paramref name="internalOhms"/>.</summary>
    public static double OpenCircuitVoltsOf(double busVolts, double currentAmps, double internalOhms) =>
        busVolts + (Math.Max(currentAmps, 0) * internalOhms);

    /// <summary>Takes a reading <paramref name="sinceLast"/> after the previous one and returns the new smoothed state of charge.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A voltage or current that is not finite, or a negative interval.</exception>
    public double Update(double busVolts, double currentAmps, TimeSpan sinceLast)
    {
        if (!double.IsFinite(busVolts) || !double.IsFinite(currentAmps))
        {
            throw new ArgumentOutOfRangeException(nameof(busVolts), $"A reading of {busVolts} V, {currentAmps} A is not finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sinceLast, TimeSpan.Zero);
        OpenCircuitVolts = OpenCircuitVoltsOf(busVolts, currentAmps, _internalOhms);
        double raw = _curve.StateOfChargeAt(OpenCircuitVolts);
        if (StateOfCharge is not double previous || _timeConstant == TimeSpan.Zero)
        {
            StateOfCharge = raw;
        }
        else
        {
            double weight = 1 - Math.Exp(-sinceLast.TotalSeconds / _timeConstant.TotalSeconds);
            StateOfCharge = previous + (weight * (raw - previous));
        }

        return StateOfCharge.Value;
    }

    /// <summary>Forgets the average; the next reading seeds it again.</summary>
    public void Reset()
    {
        StateOfCharge = null;
        OpenCircuitVolts = double.NaN;
    }
}
