namespace FlightSw.Sim.Environment;

/// <summary>
/// A supply and temperature that stay where they are set: the environment until the orbit,
/// power and radiation models arrive. Tests may change the values between steps.
/// </summary>
public sealed class ConstantEnvironment : ISupplyRail, IThermalState
{
    /// <summary>Default bus voltage: 7.8 V, a 2-cell lithium-ion battery bus at about 70 % charge (what the power manager expects to read).</summary>
    public const double DefaultBusVolts = 7.8;

    /// <summary>Default current: an idle single-board computer, about 0.6 A.</summary>
    public const double DefaultCurrentAmps = 0.6;

    /// <summary>Default board temperature: 25 degrees Celsius.</summary>
    public const double DefaultBoardCelsius = 25.0;

    /// <inheritdoc />
    public double BusVolts { get; set; } = DefaultBusVolts;

    /// <inheritdoc />
    public double CurrentAmps { get; set; } = DefaultCurrentAmps;

    /// <inheritdoc />
    public double BoardCelsius { get; set; } = DefaultBoardCelsius;
}
