using FlightSw.Hal;

namespace FlightSw.Core.Boot;

/// <summary>A reset the software asked for, persisted before the reset so the next boot can say why it started.</summary>
/// <param name="Cause">The cause the next boot reports: a commanded warm reset or power cycle, or a latch-up power cycle.</param>
/// <param name="Reason">Who asked and why.</param>
public sealed record ResetRequest(ResetCause Cause, string Reason);
