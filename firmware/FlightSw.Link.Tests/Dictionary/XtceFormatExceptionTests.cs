using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

public class XtceFormatExceptionTests
{
    [Test]
    public void Message_NamesDocumentLocationAndReason()
    {
        var ex = new XtceFormatException("node.xml", "SpaceSystem/TelemetryMetaData", "it is wrong");

        Assert.That(ex.Message, Is.EqualTo("node.xml: SpaceSystem/TelemetryMetaData: it is wrong"));
        Assert.That(ex.Document, Is.EqualTo("node.xml"));
        Assert.That(ex.Location, Is.EqualTo("SpaceSystem/TelemetryMetaData"));
    }
}
