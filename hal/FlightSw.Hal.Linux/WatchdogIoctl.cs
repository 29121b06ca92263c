namespace FlightSw.Hal.Linux;

/// <summary>
/// Request numbers of the Linux watchdog API (include/uapi/linux/watchdog.h), built with the
/// kernel's _IOR/_IOWR macros so that each one can be checked against the header's value.
/// </summary>
/// <remarks>
/// Layout of a request (asm-generic/ioctl.h, used by x86, arm and arm64): bits 0-7 number,
/// 8-15 type ('W' for watchdogs), 16-29 argument size, 30-31 direction (1 write, 2 read).
/// </remarks>
public static class WatchdogIoctl
{
    /// <summary>Size of <c>struct watchdog_info</c>: options and firmware version (4 bytes each) and a 32-byte identity.</summary>
    public const int WatchdogInfoSize = 40;

    private const uint DirectionWrite = 1;
    private const uint DirectionRead = 2;
    private const uint Type = 'W';

    /// <summary>WDIOC_GETSUPPORT = _IOR('W', 0, struct watchdog_info): what the driver can do and its identity.</summary>
    public static readonly uint GetSupport = Read(0, WatchdogInfoSize);

    /// <summary>WDIOC_GETSTATUS = _IOR('W', 1, int): the current status flags.</summary>
    public static readonly uint GetStatus = Read(1, sizeof(int));

    /// <summary>WDIOC_GETBOOTSTATUS = _IOR('W', 2, int): why the last reboot happened (<see cref="WatchdogStatusFlags"/>).</summary>
    public static readonly uint GetBootStatus = Read(2, sizeof(int));

    /// <summary>WDIOC_KEEPALIVE = _IOR('W', 5, int): restarts the countdown.</summary>
    public static readonly uint KeepAlive = Read(5, sizeof(int));

    /// <summary>WDIOC_SETTIMEOUT = _IOWR('W', 6, int): sets the timeout in seconds and returns the one applied.</summary>
    public static readonly uint SetTimeout = ReadWrite(6, sizeof(int));

    /// <summary>WDIOC_GETTIMEOUT = _IOR('W', 7, int): the timeout in seconds.</summary>
    public static readonly uint GetTimeout = Read(7, sizeof(int));

    /// <summary>The kernel's _IOR(type, number, size).</summary>
    internal static uint Read(uint number, int size) => Request(DirectionRead, number, size);

    /// <summary>The kernel's _IOWR(type, number, size).</summary>
    internal static uint ReadWrite(uint number, int size) => Request(DirectionRead | DirectionWrite, number, size);

    private static uint Request(uint direction, uint number, int size) =>
        (direction << 30) | ((uint)size << 16) | (Type << 8) | number;
}
