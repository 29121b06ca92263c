namespace FlightSw.Sim.Environment.Power;

/// <summary>
/// Where the energy of one <see cref="Battery.Apply"/> interval went, in watt-hours. With E the
/// net bus energy offered (solar delivered minus load, times the duration):
/// E + <see cref="ShortfallWattHours"/> = <see cref="StoredChangeWattHours"/> +
/// <see cref="LossWattHours"/> + <see cref="CurtailedWattHours"/>.
/// </summary>
/// <param name="StoredChangeWattHours">Change of the stored energy: positive while charging, negative while discharging.</param>
/// <param name="LossWattHours">Charge or discharge loss (the efficiencies), zero or more.</param>
/// <param name="CurtailedWattHours">Surplus the full battery could not take (the array's regulator backed off), zero or more.</param>
/// <param name="ShortfallWattHours">Load the empty battery could not deliver, zero or more.</param>
public readonly record struct BatteryFlow(double StoredChangeWattHours, double LossWattHours, double CurtailedWattHours, double ShortfallWattHours);
