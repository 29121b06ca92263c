using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace FlightSw.Hal.Linux;

/// <summary>Opens the GPIO driver of a chip with whatever this system has.</summary>
public static class LinuxGpio
{
    /// <summary>
    /// The driver of <c>/dev/gpiochip<paramref name="chip"/></c>: libgpiod v1 (Debian's libgpiod2,
    /// Raspberry Pi OS bookworm), else libgpiod v2 (libgpiod3, trixie), else the legacy sysfs
    /// interface.
    /// </summary>
    /// <exception cref="IOException">No driver could open the chip; the message gives each one's reason.</exception>
    public static GpioDriver OpenDriver(int chip)
    {
        var failures = new List<string>();
        foreach (var (name, open) in Drivers(chip))
        {
            try
            {
                return open();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The next driver may work: libgpiod missing or of the other version, sysfs compiled out.
                failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        throw new IOException($"No GPIO driver can open gpiochip{chip}. {string.Join(" ", failures)}");
    }

    private static IEnumerable<(string Name, Func<GpioDriver> Open)> Drivers(int chip) =>
    [
        ("libgpiod v1", () => new LibGpiodDriver(chip)),
        ("libgpiod v2", () => new LibGpiodV2Driver(chip)),
        ("sysfs", () => OpenSysFs(chip)),
    ];

    private static SysFsDriver OpenSysFs(int chip)
    {
        var info = SysFsDriver.GetAvailableChips().FirstOrDefault(candidate => candidate.Id == chip);
        return info is null ? new SysFsDriver() : new SysFsDriver(info);
    }
}
