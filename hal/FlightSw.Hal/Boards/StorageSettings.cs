namespace FlightSw.Hal.Boards;

/// <summary>Where persistent records are kept.</summary>
/// <param name="Path">A directory on the board's file system, or <c>memory</c> on the simulated board (kept by the simulator across resets).</param>
public sealed record StorageSettings(string Path);
