using FlightSw.Hal;

namespace FlightSw.Core.Boot;

/// <summary>One boot in the persisted reset history.</summary>
/// <param name="Boot">The boot's number.</param>
/// <param name="Cause">Why the boot started.</param>
/// <param name="Reason">Details: who asked for the reset and why, or what the hardware reported.</param>
/// <param name="StartedAt">The board clock's time when the boot started.</param>
public sealed record ResetHistoryEntry(uint Boot, ResetCause Cause, string Reason, DateTimeOffset StartedAt);
