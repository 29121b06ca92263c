using System.Runtime.InteropServices;

namespace FlightSw.Hal.Linux.Tests;

public class LinuxGpioTests
{
    [Test]
    public void OpenDriver_NoLibgpiodAndNoSysfsGpio_IOExceptionWithEachDriversReason()
    {
        Assume.That(NativeLibrary.TryLoad("libgpiod.so.2", out _) || NativeLibrary.TryLoad("libgpiod.so.3", out _), Is.False, "libgpiod is installed here");
        Assume.That(Directory.Exists("/sys/class/gpio"), Is.False, "sysfs GPIO is there");

        Assert.That(
            () => LinuxGpio.OpenDriver(0),
            Throws.InstanceOf<IOException>().With.Message.Contains("gpiochip0")
                .And.Message.Contains("libgpiod v1:").And.Message.Contains("libgpiod v2:").And.Message.Contains("sysfs:"));
    }
}
