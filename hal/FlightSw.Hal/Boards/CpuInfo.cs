namespace FlightSw.Hal.Boards;

/// <summary>Processor facts and the flight software's CPU budget.</summary>
/// <param name="Model">SoC and core type as published (for example "Broadcom BCM2711, 4x Cortex-A72 @ 1.5 GHz").</param>
/// <param name="Cores">Number of CPU cores.</param>
/// <param name="BudgetPercent">Share of the whole CPU (all cores) the flight software may use, 1 to 100.</param>
public sealed record CpuInfo(string Model, int Cores, int BudgetPercent);
