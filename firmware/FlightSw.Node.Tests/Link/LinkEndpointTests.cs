using FlightSw.Node.Link;

namespace FlightSw.Node.Tests.Link;

public class LinkEndpointTests
{
    [TestCase("tcp", "tcp", "127.0.0.1", 5170)]
    [TestCase("tcp:0", "tcp", "127.0.0.1", 0)]
    [TestCase("tcp:6000", "tcp", "127.0.0.1", 6000)]
    [TestCase("tcp:0.0.0.0:6000", "tcp", "0.0.0.0", 6000)]
    [TestCase("serial:/dev/ttyUSB0", "serial", "/dev/ttyUSB0", 115200)]
    [TestCase("serial:/dev/ttyS1:57600", "serial", "/dev/ttyS1", 57600)]
    public void TryParse_ValidEndpoint_GivesKindAddressAndNumber(string text, string kind, string address, int number)
    {
        Assert.That(LinkEndpoint.TryParse(text, out var endpoint, out string error), Is.True, error);
        Assert.That(endpoint, Is.EqualTo(new LinkEndpoint(kind, address, number)));
    }

    [TestCase("")]
    [TestCase("udp:1")]
    [TestCase("tcp:70000")]
    [TestCase("tcp:-1")]
    [TestCase("tcp:localhost:80")]
    [TestCase("tcp:1:2:3")]
    [TestCase("serial:")]
    [TestCase("serial:/dev/ttyS0:fast")]
    public void TryParse_Malformed_RefusedWithTheAcceptedForms(string text)
    {
        Assert.That(LinkEndpoint.TryParse(text, out _, out string error), Is.False);
        Assert.That(error, Does.Contain("tcp:ADDRESS:PORT").And.Contain("serial:DEVICE"));
    }
}
