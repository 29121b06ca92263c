namespace FlightSw.Sim.Environment;

/// <summary>
/// Adds measurement noise to what the sensors see, drawn from the run's seeded generator, so
/// readings jitter like real ADC readings and the seed decides how. The noise is a sum of four
/// uniform draws (nearly Gaussian) computed with additions only, so it is bit-identical on
/// every processor (no transcendental functions whose last bit differs between x64 and ARM).
/// </summary>
public sealed class SensorNoise : ISupplyRail, IThermalState
{
    /// <summary>Default bus voltage noise: 5 mV standard deviation.</summary>
    public const double DefaultVoltsSigma = 0.005;

    /// <summary>Default current noise: 2 mA standard deviation.</summary>
    public const double DefaultAmpsSigma = 0.002;

    /// <summary>Default temperature noise: 0.05 degrees Celsius standard deviation.</summary>
    public const double DefaultCelsiusSigma = 0.05;

    private readonly ISupplyRail _supply;
    private readonly IThermalState _thermal;
    private readonly Random _random;

    /// <summary>Wraps <paramref name="supply"/> and <paramref name="thermal"/> with noise from <paramref name="random"/>.</summary>
    public SensorNoise(ISupplyRail supply, IThermalState thermal, Random random)
    {
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(thermal);
        ArgumentNullException.ThrowIfNull(random);
        _supply = supply;
        _thermal = thermal;
        _random = random;
    }

    /// <summary>Standard deviation of the bus voltage noise; <see cref="DefaultVoltsSigma"/> by default.</summary>
    public double VoltsSigma { get; init; } = DefaultVoltsSigma;

    /// <summary>Standard deviation of the current noise; <see cref="DefaultAmpsSigma"/> by default.</summary>
    public double AmpsSigma { get; init; } = DefaultAmpsSigma;

    /// <summary>Standard deviation of the temperature noise; <see cref="DefaultCelsiusSigma"/> by default.</summary>
    public double CelsiusSigma { get; init; } = DefaultCelsiusSigma;

    /// <inheritdoc />
    public double BusVolts => _supply.BusVolts + (VoltsSigma * Draw());

    /// <inheritdoc />
    public double CurrentAmps => _supply.CurrentAmps + (AmpsSigma * Draw());

    /// <inheritdoc />
    public double BoardCelsius => _thermal.BoardCelsius + (CelsiusSigma * Draw());

    /// <summary>Irwin-Hall with four draws, centred and scaled to unit variance (variance of the sum is 4/12).</summary>
    private double Draw() => (_random.NextDouble() + _random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 2.0) * 1.7320508075688772;
}
