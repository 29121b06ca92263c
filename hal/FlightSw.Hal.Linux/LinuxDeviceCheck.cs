using System.Globalization;
using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Linux;

/// <summary>
/// Checks, before anything is opened, that every device and directory a board needs is there
/// and usable by this user, so that a missing one is reported with its remedy (all at once)
/// rather than as the first driver's failure. Creates nothing.
/// </summary>
internal static class LinuxDeviceCheck
{
    private const int ReadWrite = LibC.CanRead | LibC.CanWrite;

    /// <summary>Every problem with the devices of <paramref name="definition"/> at <paramref name="paths"/>; empty when all are usable.</summary>
    public static IReadOnlyList<DeviceProblem> Find(BoardDefinition definition, LinuxBoardPaths paths)
    {
        var problems = new List<DeviceProblem>();
        var gpio = definition.Gpio;
        CheckDevice(problems, paths.GpioChip, $"GPIO chip {gpio.Chip}, status LED line {gpio.StatusLedPin}: {gpio.StatusLedLabel}", ReadWrite,
            DeviceRemedies.GpioMissing(gpio.Chip), DeviceRemedies.GpioDenied);
        foreach (var (bus, device) in paths.I2cBuses)
        {
            CheckDevice(problems, device, I2cRole(definition.I2c, bus), ReadWrite, DeviceRemedies.I2cMissing, DeviceRemedies.I2cDenied);
        }

        CheckDevice(problems, paths.Watchdog, $"hardware watchdog, {definition.Watchdog.TimeoutSeconds} s", LibC.CanWrite,
            DeviceRemedies.WatchdogMissing, DeviceRemedies.WatchdogDenied);
        CheckStorage(problems, paths.Storage);
        return problems;
    }

    private static void CheckDevice(List<DeviceProblem> problems, string device, string role, int access, string missing, string denied)
    {
        if (!File.Exists(device))
        {
            problems.Add(new DeviceProblem(device, role, "is missing", missing));
        }
        else if (LibC.Access(device, access) != 0)
        {
            string how = access == LibC.CanWrite ? "writing" : "reading and writing";
            problems.Add(new DeviceProblem(device, role, $"exists but user '{Environment.UserName}' cannot open it for {how}", denied));
        }
    }

    private static void CheckStorage(List<DeviceProblem> problems, string directory)
    {
        const string Role = "persistent store: boot count, parameters, reset records";
        string remedy = DeviceRemedies.Storage(directory);
        if (Directory.Exists(directory))
        {
            if (LibC.Access(directory, LibC.CanWrite | LibC.CanExecute) != 0)
            {
                problems.Add(new DeviceProblem(directory, Role, $"is not writable by user '{Environment.UserName}'", remedy));
            }

            return;
        }

        if (File.Exists(directory))
        {
            problems.Add(new DeviceProblem(directory, Role, "is a file, not a directory", remedy));
            return;
        }

        // It does not exist yet: it can be created where the nearest existing ancestor is a writable directory.
        string? ancestor = Path.GetDirectoryName(Path.GetFullPath(directory));
        while (ancestor is not null && !Path.Exists(ancestor))
        {
            ancestor = Path.GetDirectoryName(ancestor);
        }

        if (ancestor is null || !Directory.Exists(ancestor))
        {
            problems.Add(new DeviceProblem(directory, Role, $"cannot be created: {ancestor ?? "its parent"} is not a directory", remedy));
        }
        else if (LibC.Access(ancestor, LibC.CanWrite | LibC.CanExecute) != 0)
        {
            problems.Add(new DeviceProblem(directory, Role, $"does not exist and user '{Environment.UserName}' cannot create it in {ancestor}", remedy));
        }
    }

    private static string I2cRole(I2cLayout i2c, int bus)
    {
        var chips = new (string What, I2cChip Chip)[] { ("power monitor", i2c.PowerMonitor), ("temperature sensor", i2c.TemperatureSensor) }
            .Where(entry => entry.Chip.Bus == bus)
            .Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.What} {entry.Chip.Chip} at 0x{entry.Chip.Address:X2}"))
            .ToArray();
        return chips.Length == 0 ? $"I2C bus {bus}" : $"I2C bus {bus}: {string.Join(", ", chips)}";
    }
}
