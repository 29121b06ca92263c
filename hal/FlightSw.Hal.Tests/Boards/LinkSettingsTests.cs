using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Tests.Boards;

[TestFixture]
public class LinkSettingsTests
{
    [Test]
    public void Default_LoopbackTcpNoSerialNoKeyFile()
    {
        var link = LinkSettings.Default;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(link.TcpBindAddress, Is.EqualTo("127.0.0.1"));
            Assert.That(link.TcpPort, Is.EqualTo(5170));
            Assert.That(link.SerialDevice, Is.Null);
            Assert.That(link.SerialBaudRate, Is.EqualTo(115200));
            Assert.That(link.KeyFile, Is.Null);
            Assert.That(link.HasSerial, Is.False);
        }
    }

    [Test]
    public void Constructor_NoArguments_EqualsDefault()
    {
        Assert.That(new LinkSettings(), Is.EqualTo(LinkSettings.Default));
    }

    [Test]
    public void HasSerial_DeviceGiven_IsTrue()
    {
        var link = LinkSettings.Default with { SerialDevice = "/dev/serial0" };

        Assert.That(link.HasSerial, Is.True);
    }

    [Test]
    public void StandardBaudRates_AscendingAndIncludeDefault()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LinkSettings.StandardBaudRates, Is.EqualTo(new[] { 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600 }));
            Assert.That(LinkSettings.StandardBaudRates, Does.Contain(LinkSettings.DefaultSerialBaudRate));
        }
    }
}
