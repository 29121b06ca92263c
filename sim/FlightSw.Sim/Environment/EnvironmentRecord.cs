namespace FlightSw.Sim.Environment;

/// <summary>One thing the environment did to the board, with its time (radiation upsets have their own records).</summary>
/// <param name="Time">When, since the epoch.</param>
/// <param name="Boot">The boot running then (0 before the first, or the last one while off).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">Figures and cause, for people.</param>
public sealed record EnvironmentRecord(TimeSpan Time, int Boot, EnvironmentRecordKind Kind, string Detail);
