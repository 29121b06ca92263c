using FlightSw.Hal;

namespace FlightSw.Sim;

/// <summary>One reset of the simulated board, as the simulator saw it.</summary>
/// <param name="At">Simulated time of the reset.</param>
/// <param name="Cause">Why.</param>
/// <param name="Reason">Details: who asked, or what expired.</param>
/// <param name="EndedBoot">The boot number the reset ended.</param>
public sealed record ResetRecord(TimeSpan At, ResetCause Cause, string Reason, int EndedBoot);
