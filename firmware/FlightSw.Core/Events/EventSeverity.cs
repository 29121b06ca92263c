namespace FlightSw.Core.Events;

/// <summary>How much an event matters, in F´'s terms.</summary>
public enum EventSeverity
{
    /// <summary>Detail for developers; not downlinked by default.</summary>
    Diagnostic = 0,

    /// <summary>Routine activity (a command completed).</summary>
    ActivityLow = 1,

    /// <summary>Notable activity (a boot, a mode change).</summary>
    ActivityHigh = 2,

    /// <summary>Something off-nominal that the software handles (a rate-group slip).</summary>
    WarningLow = 3,

    /// <summary>Something off-nominal that needs attention (a component stopped answering).</summary>
    WarningHigh = 4,

    /// <summary>The software cannot go on without a reset.</summary>
    Fatal = 5,
}
