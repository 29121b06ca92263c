namespace FlightSw.Sim.Environment;

/// <summary>
/// The board's supply as the power monitor sees it. Constant for now; the orbit and power model
/// plugs in here.
/// </summary>
public interface ISupplyRail
{
    /// <summary>Voltage on the supply bus at the load, in volts.</summary>
    double BusVolts { get; }

    /// <summary>Current the board draws through the shunt, in amperes.</summary>
    double CurrentAmps { get; }
}
