namespace FlightSw.Hal.Boards;

/// <summary>Memory facts and the flight software's memory budget.</summary>
/// <param name="TotalMiB">RAM on the board, in MiB.</param>
/// <param name="BudgetMiB">RAM the flight software may use, in MiB; at most <paramref name="TotalMiB"/>.</param>
public sealed record MemoryInfo(int TotalMiB, int BudgetMiB);
