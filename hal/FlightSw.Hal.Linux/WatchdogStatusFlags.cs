namespace FlightSw.Hal.Linux;

/// <summary>Status bits of a Linux watchdog (WDIOF_* in include/uapi/linux/watchdog.h), as WDIOC_GETBOOTSTATUS reports them.</summary>
[Flags]
public enum WatchdogStatusFlags
{
    /// <summary>No bit set: nothing to report (a normal power-on on drivers that report at all).</summary>
    None = 0,

    /// <summary>WDIOF_OVERHEAT: reset because the CPU overheated.</summary>
    Overheat = 0x0001,

    /// <summary>WDIOF_FANFAULT: a fan failed.</summary>
    FanFault = 0x0002,

    /// <summary>WDIOF_EXTERN1: external relay 1.</summary>
    ExternalRelay1 = 0x0004,

    /// <summary>WDIOF_EXTERN2: external relay 2.</summary>
    ExternalRelay2 = 0x0008,

    /// <summary>WDIOF_POWERUNDER: the supply dropped or faulted.</summary>
    PowerUnder = 0x0010,

    /// <summary>WDIOF_CARDRESET: the last reboot was caused by the watchdog.</summary>
    CardReset = 0x0020,

    /// <summary>WDIOF_POWEROVER: the supply went over voltage.</summary>
    PowerOver = 0x0040,
}
