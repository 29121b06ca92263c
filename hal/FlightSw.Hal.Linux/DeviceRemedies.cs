namespace FlightSw.Hal.Linux;

/// <summary>What provides each device, and the right to use it, on Raspberry Pi OS (the README's "Running on a real board" has the steps).</summary>
internal static class DeviceRemedies
{
    public static string GpioMissing(int chip) =>
        $"GPIO: /dev/gpiochip{chip} comes from the SoC's gpio driver (always there on Raspberry Pi OS; `gpiodetect` lists the chips); the service user must be in group gpio.";

    public const string GpioDenied = "Add the service user to group gpio (sudo usermod -aG gpio USER), or SupplementaryGroups=gpio in the systemd unit.";

    public const string GpioDriverMissing = "Install libgpiod: libgpiod2 on bookworm, libgpiod3 on trixie.";

    public const string I2cMissing =
        "Enable I2C: dtparam=i2c_arm=on in /boot/firmware/config.txt, or raspi-config (Interface Options > I2C), then reboot; the i2c-dev module makes /dev/i2c-N. The service user must be in group i2c.";

    public const string I2cDenied = "Add the service user to group i2c (sudo usermod -aG i2c USER), or SupplementaryGroups=i2c in the systemd unit.";

    public const string WatchdogMissing =
        "Watchdog: dtparam=watchdog=on in /boot/firmware/config.txt and the bcm2835_wdt module, then reboot. Leave systemd's RuntimeWatchdogSec unset, or systemd holds the device.";

    public const string WatchdogDenied =
        "Let the service user open it with a udev rule, e.g. KERNEL==\"watchdog*\", GROUP=\"watchdog\", MODE=\"0660\" in /etc/udev/rules.d/60-watchdog.rules, and the user in group watchdog.";

    public const string WatchdogBusy =
        "Only one process may hold it: EBUSY means another watchdog daemon, or systemd's RuntimeWatchdogSec, has it.";

    public static string Storage(string path) =>
        $"Create it for the service user: sudo install -d -o USER -g USER {path} (or StateDirectory= in the systemd unit).";
}
