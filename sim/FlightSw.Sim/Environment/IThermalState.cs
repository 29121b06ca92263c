namespace FlightSw.Sim.Environment;

/// <summary>
/// The board temperature as the temperature sensor sees it. Constant for now; sun and load
/// heating plug in here.
/// </summary>
public interface IThermalState
{
    /// <summary>Board temperature in degrees Celsius.</summary>
    double BoardCelsius { get; }
}
