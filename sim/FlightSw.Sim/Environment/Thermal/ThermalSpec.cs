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
}
