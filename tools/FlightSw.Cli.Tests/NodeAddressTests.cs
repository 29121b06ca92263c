namespace FlightSw.Cli.Tests;

[TestFixture]
public class NodeAddressTests
{
    [TestCase("127.0.0.1:5170", false, "127.0.0.1", 5170)]
    [TestCase("ground-pi.local:40000", false, "ground-pi.local", 40000)]
    [TestCase("[::1]:5170", false, "::1", 5170)]
    [TestCase("serial:/dev/ttyUSB0", true, "/dev/ttyUSB0", 115200)]
    [TestCase("serial:/dev/ttyAMA0:57600", true, "/dev/ttyAMA0", 57600)]
    public void TryParse_ValidAddress_Parts(string text, bool serial, string address, int number)
    {
        Assert.That(NodeAddress.TryParse(text, out var parsed, out string error), Is.True, error);

        Assert.That(parsed, Is.EqualTo(new NodeAddress(serial, address, number)));
    }

    [TestCase("")]
    [TestCase("localhost")]
    [TestCase("localhost:0")]
    [TestCase("localhost:70000")]
    [TestCase(":5170")]
    [TestCase("::1:5170")]
    [TestCase("serial:")]
    [TestCase("serial:/dev/ttyUSB0:fast")]
    public void TryParse_Malformed_FalseWithAnExample(string text)
    {
        Assert.That(NodeAddress.TryParse(text, out _, out string error), Is.False);

        Assert.That(error, Does.Contain("HOST:PORT").And.Contain("serial:DEVICE"));
    }

    [Test]
    public void ToString_Ipv6_Bracketed()
    {
        Assert.That(new NodeAddress(false, "::1", 5170).ToString(), Is.EqualTo("[::1]:5170"));
    }
}
