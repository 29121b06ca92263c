namespace FlightSw.Sim.Environment.Thermal;

/// <summary>
/// The board's temperature as a single thermal mass: it relaxes exponentially, with
/// <see cref="TimeConstant"/>, towards <see cref="EclipseCelsius"/> + <see cref="SunHeatingCelsius"/>
/// in sunlight + <see cref="CelsiusPerWatt"/> x the load it dissipates.
/// </summary>
public sealed record ThermalSpec
{
    /// <summary>Equilibrium of an unpowered board in eclipse, in degrees Celsius; -10 by default.</summary>
    public double EclipseCelsius { get; init; } = -10;

    /// <summary>Equilibrium rise in sunlight, in kelvin; 25 by default.</summary>
    public double SunHeatingCelsius { get; init; } = 25;

    /// <summary>Equilibrium rise per watt dissipated, in kelvin per watt; 3 by default.</summary>
    public double CelsiusPerWatt { get; init; } = 3;

    /// <summary>Time constant of the relaxation; 20 minutes by default.</summary>
    public TimeSpan TimeConstant { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Temperature at the start of the run, in degrees Celsius; 20 by default.</summary>
    public double InitialCelsius { get; init; } = 20;

    /// <summary>
    /// Throws when a setting is out of range; the message names the field: temperatures and
    /// rises finite, <see cref="CelsiusPerWatt"/> zero or more, <see cref="TimeConstant"/> above zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        Finite(EclipseCelsius, nameof(EclipseCelsius));
        Finite(SunHeatingCelsius, nameof(SunHeatingCelsius));
        Finite(InitialCelsius, nameof(InitialCelsius));
        if (!double.IsFinite(CelsiusPerWatt) || CelsiusPerWatt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CelsiusPerWatt), CelsiusPerWatt, "The rise per watt must be a finite number of kelvin per watt, zero or more.");
        }

        if (TimeConstant <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeConstant), TimeConstant, "The thermal time constant must be above zero.");
        }
    }

    private static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of degrees.");
        }
    }
}
