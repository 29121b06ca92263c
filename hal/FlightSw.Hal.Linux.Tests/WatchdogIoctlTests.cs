namespace FlightSw.Hal.Linux.Tests;

public class WatchdogIoctlTests
{
    [Test]
    public void RequestNumbers_FromTheMacros_EqualTheKernelHeaderValues()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WatchdogIoctl.GetSupport, Is.EqualTo(0x80285700u));
            Assert.That(WatchdogIoctl.GetStatus, Is.EqualTo(0x80045701u));
            Assert.That(WatchdogIoctl.GetBootStatus, Is.EqualTo(0x80045702u));
            Assert.That(WatchdogIoctl.KeepAlive, Is.EqualTo(0x80045705u));
            Assert.That(WatchdogIoctl.SetTimeout, Is.EqualTo(0xC0045706u));
            Assert.That(WatchdogIoctl.GetTimeout, Is.EqualTo(0x80045707u));
        }
    }

    [Test]
    public void Read_SizeAndNumber_PlacesThemInTheirBitFields()
    {
        Assert.That(WatchdogIoctl.Read(0x12, 0x3FFF), Is.EqualTo((2u << 30) | (0x3FFFu << 16) | ((uint)'W' << 8) | 0x12));
    }

    [Test]
    public void CardReset_BootStatusBit_Is0x20()
    {
        Assert.That((int)WatchdogStatusFlags.CardReset, Is.EqualTo(0x0020));
    }
}
