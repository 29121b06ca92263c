using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Linux;

/// <summary>The files one board uses on this system, with the roots of <see cref="LinuxBoardOptions"/> applied.</summary>
/// <param name="GpioChip">The GPIO chip device, <c>/dev/gpiochipN</c>.</param>
/// <param name="I2cBuses">Each I2C bus the board file lists, with its device <c>/dev/i2c-N</c>.</param>
/// <param name="Watchdog">The watchdog device.</param>
/// <param name="Storage">The persistent store's directory.</param>
/// <param name="BootId">The kernel boot id file.</param>
internal sealed record LinuxBoardPaths(string GpioChip, IReadOnlyList<(int Bus, string Device)> I2cBuses, string Watchdog, string Storage, string BootId)
{
    private const string RealDeviceRoot = "/dev/";

    /// <summary>The paths of <paramref name="definition"/> under the roots of <paramref name="options"/>.</summary>
    public static LinuxBoardPaths Resolve(BoardDefinition definition, LinuxBoardOptions options) => new(
        Path.Combine(options.DeviceRoot, $"gpiochip{definition.Gpio.Chip}"),
        [.. definition.I2c.Buses.Select(bus => (bus, Path.Combine(options.DeviceRoot, $"i2c-{bus}")))],
        UnderDeviceRoot(definition.Watchdog.Device, options.DeviceRoot),
        options.StorageDirectory ?? definition.Storage.Path,
        Path.Combine(options.ProcRoot, LinuxResetController.BootIdRelativePath));

    /// <summary>A <c>/dev/...</c> path from the board file, moved under <paramref name="deviceRoot"/>.</summary>
    private static string UnderDeviceRoot(string device, string deviceRoot) =>
        device.StartsWith(RealDeviceRoot, StringComparison.Ordinal) ? Path.Combine(deviceRoot, device[RealDeviceRoot.Length..]) : device;
}
