namespace FlightSw.Hal.Linux.Tests;

public class LinuxBoardPathsTests
{
    [Test]
    public void Resolve_DefaultOptions_TheRealPathsOfTheBoardFile()
    {
        var rpi4 = ShippedBoards.Load("rpi4");

        var paths = LinuxBoardPaths.Resolve(rpi4, new LinuxBoardOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths.GpioChip, Is.EqualTo("/dev/gpiochip0"));
            Assert.That(paths.I2cBuses, Is.EqualTo(new[] { (1, "/dev/i2c-1") }));
            Assert.That(paths.Watchdog, Is.EqualTo("/dev/watchdog"));
            Assert.That(paths.Storage, Is.EqualTo("/var/lib/flightsw"));
            Assert.That(paths.BootId, Is.EqualTo("/proc/sys/kernel/random/boot_id"));
        }
    }

    [Test]
    public void Resolve_OtherRoots_MovesDevicesAndProcUnderThem()
    {
        var jetson = ShippedBoards.Load("jetson-orin-nano");

        var paths = LinuxBoardPaths.Resolve(jetson, new LinuxBoardOptions { DeviceRoot = "/tmp/dev", ProcRoot = "/tmp/proc", StorageDirectory = "/tmp/store" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths.I2cBuses, Is.EqualTo(new[] { (7, "/tmp/dev/i2c-7") }));
            Assert.That(paths.Watchdog, Is.EqualTo("/tmp/dev/watchdog"));
            Assert.That(paths.Storage, Is.EqualTo("/tmp/store"));
            Assert.That(paths.BootId, Is.EqualTo("/tmp/proc/sys/kernel/random/boot_id"));
        }
    }
}
