namespace FlightSw.Hal.Power;

/// <summary>
/// A battery's open-circuit voltage as a function of its state of charge: straight lines between
/// measured points, both columns strictly rising, so the curve can be read either way. The
/// simulator's battery and the firmware's state-of-charge estimate read the same curve.
/// </summary>
public sealed class BatteryCurve
{
    /// <summary>
    /// Open-circuit volts of one lithium-ion (NMC) cell at 0, 5, 10, 20 ... 90 and 100 % charge,
    /// a typical datasheet discharge curve at low rate and room temperature.
    /// </summary>
    private static readonly (double StateOfCharge, double Volts)[] LithiumIonCell =
    [
        (0.00, 3.00), (0.05, 3.30), (0.10, 3.45), (0.20, 3.55), (0.30, 3.62), (0.40, 3.68),
        (0.50, 3.74), (0.60, 3.80), (0.70, 3.88), (0.80, 3.96), (0.90, 4.06), (1.00, 4.20),
    ];

    private readonly double[] _charge;
    private readonly double[] _volts;

    /// <summary>Builds a curve from points of (state of charge 0..1, volts), the first at 0 and the last at 1.</summary>
    /// <exception cref="ArgumentException">Fewer than two points, ends not at 0 and 1, a column not strictly rising, or a value not finite.</exception>
    public BatteryCurve(IReadOnlyList<(double StateOfCharge, double Volts)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            throw new ArgumentException("A battery curve needs at least two points.", nameof(points));
        }

        _charge = new double[points.Count];
        _volts = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            var (charge, volts) = points[i];
            if (!double.IsFinite(charge) || !double.IsFinite(volts) || volts <= 0)
            {
                throw new ArgumentException($"Point {i} ({charge}, {volts} V) is not a finite state of charge with a positive voltage.", nameof(points));
            }

            if (i > 0 && (charge <= _charge[i - 1] || volts <= _volts[i - 1]))
            {
                throw new ArgumentException($"Point {i} ({charge}, {volts} V) does not rise above point {i - 1} in both state of charge and voltage.", nameof(points));
            }

            _charge[i] = charge;
            _volts[i] = volts;
        }

        if (_charge[0] != 0 || _charge[^1] != 1)
        {
            throw new ArgumentException("A battery curve runs from state of charge 0 to 1.", nameof(points));
        }
    }

    /// <summary>The points of the curve, in order.</summary>
    public IReadOnlyList<(double StateOfCharge, double Volts)> Points => [.. _charge.Zip(_volts)];

    /// <summary>Volts when empty (state of charge 0).</summary>
    public double EmptyVolts => _volts[0];

    /// <summary>Volts when full (state of charge 1).</summary>
    public double FullVolts => _volts[^1];

    /// <summary>A pack of <paramref name="cellsInSeries"/> lithium-ion cells in series (2 cells: 6.0 to 8.4 V).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cellsInSeries"/> is below 1.</exception>
    public static BatteryCurve LithiumIon(int cellsInSeries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellsInSeries, 1);
        return new BatteryCurve([.. LithiumIonCell.Select(p => (p.StateOfCharge, p.Volts * cellsInSeries))]);
    }

    /// <summary>Open-circuit volts at <paramref name="stateOfCharge"/>, clamped to 0..1.</summary>
    public double VoltsAt(double stateOfCharge) => Interpolate(_charge, _volts, stateOfCharge);

    /// <summary>State of charge (0..1) whose open-circuit voltage is <paramref name="volts"/>, clamped to the curve's ends.</summary>
    public double StateOfChargeAt(double volts) => Interpolate(_volts, _charge, volts);

    private static double Interpolate(double[] from, double[] to, double x)
    {
        if (double.IsNaN(x) || x <= from[0])
        {
            return to[0];
        }

        if (x >= from[^1])
        {
            return to[^1];
        }

        int upper = Array.BinarySearch(from, x);
        if (upper >= 0)
        {
            return to[upper];
        }

        upper = ~upper;
        int lower = upper - 1;
        double fraction = (x - from[lower]) / (from[upper] - from[lower]);
        return to[lower] + (fraction * (to[upper] - to[lower]));
    }
}
