using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class BoardDevicesTests
{
    [Test]
    public void Of_Rpi4_ChipBusWatchdogAndSerialInOrder()
    {
        var devices = BoardDevices.Of(TestBoards.Load("rpi4"));

        Assert.That(devices.Select(d => (d.Path, d.Group)), Is.EqualTo(new[]
        {
            ("/dev/gpiochip0", "gpio"), ("/dev/i2c-1", "i2c"), ("/dev/watchdog", "watchdog"), ("/dev/serial0", "dialout"),
        }));
    }

    [Test]
    public void Groups_Rpi4_DistinctInFirstUseOrder()
    {
        Assert.That(BoardDevices.Groups(TestBoards.Load("rpi4")), Is.EqualTo(new[] { "gpio", "i2c", "watchdog", "dialout" }));
    }
}
