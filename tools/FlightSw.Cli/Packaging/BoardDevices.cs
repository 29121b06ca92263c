using FlightSw.Hal.Boards;

namespace FlightSw.Cli.Packaging;

/// <summary>The device nodes a Linux board's service needs, from its board file.</summary>
internal static class BoardDevices
{
    /// <summary>
    /// In order: the GPIO chip (<c>/dev/gpiochipN</c>, group <c>gpio</c>), each I2C bus
    /// (<c>/dev/i2c-N</c>, group <c>i2c</c>), the watchdog (group <c>watchdog</c>) and, when the link has
    /// one, the serial device (group <c>dialout</c>).
    /// </summary>
    public static IReadOnlyList<DeviceGrant> Of(BoardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var grants = new List<DeviceGrant>
        {
            new($"/dev/gpiochip{board.Gpio.Chip}", "gpio", $"GPIO chip {board.Gpio.Chip} (status LED: {board.Gpio.StatusLedLabel})"),
        };
        grants.AddRange(board.I2c.Buses.Select(bus => new DeviceGrant($"/dev/i2c-{bus}", "i2c", $"I2C bus {bus}")));
        grants.Add(new DeviceGrant(board.Watchdog.Device, "watchdog", $"hardware watchdog ({board.Watchdog.TimeoutSeconds} s)"));
        if (board.Link.SerialDevice is { } serial)
        {
            grants.Add(new DeviceGrant(serial, "dialout", $"serial link ({board.Link.SerialBaudRate} baud)"));
        }

        return grants;
    }

    /// <summary>The distinct groups of <see cref="Of"/>, in first-use order.</summary>
    public static IReadOnlyList<string> Groups(BoardDefinition board) => Of(board).Select(g => g.Group).Distinct(StringComparer.Ordinal).ToList();
}
