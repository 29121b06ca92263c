using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal.Power;

namespace FlightSw.Core.Tests.Power;

/// <summary>
/// Drives the simulated supply as a battery would: the bus sits at the open-circuit voltage of
/// the wanted state of charge minus the sag of the load current across the internal resistance.
/// </summary>
public static class BatterySupply
{
    /// <summary>Internal resistance the tests' battery has (the power manager's default).</summary>
    public const double InternalOhms = 0.08;

    /// <summary>Sets the supply of <paramref name="node"/> to a battery at <paramref name="stateOfCharge"/> carrying <paramref name="amps"/>.</summary>
    public static void Set(TestNode node, double stateOfCharge, double amps = 0.5, int cells = 2)
    {
        node.Hardware.Environment.CurrentAmps = amps;
        node.Hardware.Environment.BusVolts = BusVoltsAt(stateOfCharge, amps, cells);
    }

    /// <summary>The bus voltage of a battery of <paramref name="cells"/> at <paramref name="stateOfCharge"/> carrying <paramref name="amps"/>.</summary>
    public static double BusVoltsAt(double stateOfCharge, double amps = 0.5, int cells = 2) =>
        BatteryCurve.LithiumIon(cells).VoltsAt(stateOfCharge) - (amps * InternalOhms);

    /// <summary>Moves the charge from <paramref name="from"/> to <paramref name="to"/> in steps of <paramref name="step"/>, holding each for <paramref name="hold"/>.</summary>
    public static void Ramp(TestNode node, double from, double to, double step, TimeSpan hold, double amps = 0.5)
    {
        int steps = (int)Math.Round(Math.Abs(to - from) / step);
        for (int i = 0; i <= steps; i++)
        {
            Set(node, from + (Math.Sign(to - from) * step * i), amps);
            node.RunFor(hold);
        }
    }
}
