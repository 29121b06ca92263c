using System.Device.I2c;
using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Devices;

/// <summary>
/// Builds a board's power monitor and temperature sensor from its board file, with the chip
/// drivers in this library, over whatever opens I2C devices (the simulator's buses or Linux's
/// /dev/i2c-N). The chips are opened on first use and again after a failure, so a sensor that
/// is absent at boot is reported as not answering instead of stopping the boot.
/// </summary>
public static class BoardSensors
{
    /// <summary>Chip types <see cref="CreatePowerMonitor"/> supports.</summary>
    public static readonly IReadOnlyList<string> PowerMonitorChips = ["ina219"];

    /// <summary>Chip types <see cref="CreateTemperatureSensor"/> supports.</summary>
    public static readonly IReadOnlyList<string> TemperatureSensorChips = ["tmp102"];

    /// <summary>The power monitor of <paramref name="chip"/>; throws <see cref="NotSupportedException"/> for a chip without a driver.</summary>
    public static LazyPowerMonitor CreatePowerMonitor(PowerMonitorChip chip, Func<I2cConnectionSettings, I2cDevice> open)
    {
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentNullException.ThrowIfNull(open);
        return chip.Chip switch
        {
            "ina219" => new LazyPowerMonitor(() => OpenIna219(chip, open)),
            _ => throw new NotSupportedException($"No driver for power monitor chip '{chip.Chip}'; supported: {string.Join(", ", PowerMonitorChips)}."),
        };
    }

    /// <summary>The temperature sensor of <paramref name="chip"/>; throws <see cref="NotSupportedException"/> for a chip without a driver.</summary>
    public static LazyTemperatureSensor CreateTemperatureSensor(I2cChip chip, Func<I2cConnectionSettings, I2cDevice> open)
    {
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentNullException.ThrowIfNull(open);
        return chip.Chip switch
        {
            "tmp102" => new LazyTemperatureSensor(() => new Tmp102TemperatureSensor(new Tmp102(open(new I2cConnectionSettings(chip.Bus, chip.Address))))),
            _ => throw new NotSupportedException($"No driver for temperature sensor chip '{chip.Chip}'; supported: {string.Join(", ", TemperatureSensorChips)}."),
        };
    }

    /// <summary>Opens the INA219 and calibrates it; closes the device again when that fails, so that a retry after each failure does not leak a handle.</summary>
    private static Ina219PowerMonitor OpenIna219(PowerMonitorChip chip, Func<I2cConnectionSettings, I2cDevice> open)
    {
        var ina219 = new Ina219(open(new I2cConnectionSettings(chip.Bus, chip.Address)));
        try
        {
            return new Ina219PowerMonitor(ina219, chip.ShuntOhms, chip.MaxExpectedAmps);
        }
        catch
        {
            ina219.Dispose();
            throw;
        }
    }
}
