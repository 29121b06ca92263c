using System.Device.Gpio;

namespace FlightSw.Hal.Linux;

/// <summary>
/// Where <see cref="LinuxBoard"/> finds the system: the defaults are the real ones; tests point
/// them at a temporary directory. Every default is stated on its property.
/// </summary>
public sealed record LinuxBoardOptions
{
    /// <summary>
    /// Directory that stands for <c>/dev</c> (default <c>/dev</c>): the device check and the
    /// watchdog look there. The GPIO and I2C drivers always open the real
    /// <c>/dev/gpiochipN</c> and <c>/dev/i2c-N</c>.
    /// </summary>
    public string DeviceRoot { get; init; } = "/dev";

    /// <summary>Directory that stands for <c>/proc</c> (default <c>/proc</c>), for the kernel boot id.</summary>
    public string ProcRoot { get; init; } = "/proc";

    /// <summary>Directory of the persistent store; null (the default) for the board file's <c>storage.path</c>.</summary>
    public string? StorageDirectory { get; init; }

    /// <summary>
    /// Reads an environment variable (default: this process's environment): systemd's
    /// <c>NOTIFY_SOCKET</c>, <c>WATCHDOG_USEC</c> and <c>WATCHDOG_PID</c>.
    /// </summary>
    public Func<string, string?> EnvironmentVariables { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>What carries out resets; null (the default) for a <see cref="SystemLinuxHost"/>.</summary>
    public ILinuxHost? Host { get; init; }

    /// <summary>
    /// Opens the GPIO driver of a chip number; null (the default) for <see cref="LinuxGpio.OpenDriver"/>
    /// (libgpiod, else sysfs). Set it for a board whose GPIO needs another driver, or to test
    /// without GPIO hardware. <see cref="IOException"/> from it is reported as a board problem.
    /// </summary>
    public Func<int, GpioDriver>? OpenGpioDriver { get; init; }
}
