using FlightSw.Sim;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Faults;

namespace FlightSw.Node.Simulation;

/// <summary>What the scenario's environment did over the run, from the hardware's own records.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="SaaPasses">South Atlantic Anomaly passes begun.</param>
/// <param name="PeakRateFactor">Highest radiation rate factor (SAA times solar events).</param>
/// <param name="DoseRad">Total ionizing dose, rad(Si).</param>
/// <param name="Brownouts">Times the supply disconnected the board at the battery cut-off.</param>
/// <param name="BatteryStateOfCharge">Battery state of charge at the end, 0..1.</param>
/// <param name="SolarWattHours">Energy the array produced.</param>
/// <param name="LoadWattHours">Energy the board drew.</param>
/// <param name="LatchUps">Latch-ups that struck.</param>
/// <param name="LatchUpsCleared">Latch-ups cleared by a power cycle or power loss before their deadline.</param>
/// <param name="LongestLatchUp">Longest time from a latch-up to its clearing; null when none was cleared.</param>
/// <param name="FunctionalInterrupts">Functional interrupts that stopped a thread or the board.</param>
/// <param name="Damage">Why the board is permanently damaged; null when it is not.</param>
public sealed record EnvironmentSummary(
    string Scenario,
    int SaaPasses,
    double PeakRateFactor,
    double DoseRad,
    int Brownouts,
    double BatteryStateOfCharge,
    double SolarWattHours,
    double LoadWattHours,
    int LatchUps,
    int LatchUpsCleared,
    TimeSpan? LongestLatchUp,
    int FunctionalInterrupts,
    string? Damage)
{
    /// <summary>The summary of <paramref name="hardware"/>'s environment; null when it flies no scenario.</summary>
    public static EnvironmentSummary? From(SimHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        if (hardware is not { Scenario: { } scenario, Power: { } power, Radiation: { } radiation })
        {
            return null;
        }

        power.Update();
        // Cleared in time: by a power cycle or a brownout, not swept away by another latch-up's burn-out.
        var cleared = hardware.LatchUps.Where(l => l.TimeToClear is not null && l.ClearedBy != "burn-out").ToList();
        return new EnvironmentSummary(
            scenario.Name,
            radiation.SaaPasses,
            radiation.PeakMultiplier,
            radiation.DoseRad,
            hardware.EnvironmentLog.Count(r => r.Kind == EnvironmentRecordKind.Brownout),
            power.Battery.StateOfCharge,
            power.Ledger.SolarWattHours,
            power.Ledger.LoadWattHours,
            hardware.LatchUps.Count,
            cleared.Count,
            cleared.Count == 0 ? null : cleared.Max(l => l.TimeToClear!.Value),
            hardware.FunctionalInterrupts.Count,
            hardware.DamageReason);
    }
}
