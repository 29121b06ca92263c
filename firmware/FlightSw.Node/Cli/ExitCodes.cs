using FlightSw.Hal.Linux;

namespace FlightSw.Node.Cli;

/// <summary>Process exit codes of <c>flightsw-node</c>.</summary>
public static class ExitCodes
{
    /// <summary>The run completed.</summary>
    public const int Ok = 0;

    /// <summary>The flight software failed with an unhandled error.</summary>
    public const int Crashed = 1;

    /// <summary><c>--self-test</c>: a kernel this processor can run gave a result different from the reference.</summary>
    public const int SelfTestFailed = 1;

    /// <summary>Bad input: unknown board, malformed board file, bad option.</summary>
    public const int BadInput = 2;

    /// <summary>The board's hardware backend is not part of this build.</summary>
    public const int BackendUnavailable = 3;

    /// <summary>
    /// A Linux board is missing devices it needs (GPIO chip, I2C bus, watchdog, storage
    /// directory); the message names each, the board file and what provides the device.
    /// </summary>
    public const int HardwareMissing = 4;

    /// <summary>
    /// A warm reset on a Linux board: the process ends for systemd (Restart=on-failure) to start
    /// it again, with the hardware watchdog left armed.
    /// </summary>
    public const int WarmReset = SystemLinuxHost.RestartExitCode;

    /// <summary>Stopped by the operator (Ctrl+C) before the end of the run.</summary>
    public const int Interrupted = 130;
}
