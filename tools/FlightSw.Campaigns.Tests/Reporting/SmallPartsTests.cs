using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Reporting;

namespace FlightSw.Campaigns.Tests.Reporting;

public class SmallPartsTests
{
    [Test]
    public void HtmlText_Escape_EscapesMarkupAndQuotes()
    {
        Assert.That(HtmlText.Escape("<a href=\"x\">'&'</a>"), Is.EqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));
    }

    [Test]
    public void PrettyJson_Object_IndentedWithTextAsWritten()
    {
        string pretty = PrettyJson.Of("""{"name":"a<b & c","n":[1,2.50]}""");

        Assert.That(pretty, Is.EqualTo("{\n  \"name\": \"a<b & c\",\n  \"n\": [\n    1,\n    2.50\n  ]\n}"));
    }

    [Test]
    public void PrettyJson_NotJson_ReturnedAsItIs()
    {
        Assert.That(PrettyJson.Of("not {json"), Is.EqualTo("not {json"));
    }

    [Test]
    [SetCulture("de-DE")]
    public void FaultText_Faults_OneInvariantLine()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FaultText.Of(new PlannedFault(FaultSiteKind.Weight, "conv3", 1, 1234, 27, 1, FaultKind.SingleBit, 0, 0)),
                Is.EqualTo("weight 1234 of conv3 replica 1: bit 27 flipped (exponent)"));
            Assert.That(FaultText.Of(new PlannedFault(FaultSiteKind.Activation, "fc", -1, 7, 20, 3, FaultKind.AdjacentBits, 0, 0.25)),
                Is.EqualTo("activation 7 of fc: bits 20..22 flipped (mantissa) at 0.25"));
            Assert.That(FaultText.Of(new PlannedFault(FaultSiteKind.EccWord, "weights", -1, 9, 0, 72, FaultKind.RandomValue, 0xbeef, 0)),
                Is.EqualTo("ecc-word 9 of weights: replaced by 0xbeef (value)"));
            Assert.That(FaultText.Of(new PlannedFault(FaultSiteKind.ComponentState, "watchdog", -1, -1, -1, 0, FaultKind.StuckAt, 0, 0.5)),
                Is.EqualTo("component-state of watchdog at 0.5"));
        });
    }
}
