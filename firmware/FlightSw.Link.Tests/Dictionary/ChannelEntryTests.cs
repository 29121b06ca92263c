using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

public class ChannelEntryTests
{
    private static readonly ChannelEntry Channel = new(0x2007, "PROBE_VALVE", "probe", TelemetryType.Enumeration, "", "Valve state", [
        new("Stuck", -1), new("Closed", 0), new("Open", 7),
    ]);

    [Test]
    public void Equals_SameLabelsInAnotherList_Equal()
    {
        var copy = Channel with { EnumLabels = Channel.EnumLabels.ToList() };

        Assert.That(copy, Is.EqualTo(Channel));
        Assert.That(copy.GetHashCode(), Is.EqualTo(Channel.GetHashCode()));
    }

    [Test]
    public void Equals_ALabelValueChanged_NotEqual()
    {
        Assert.That(Channel with { EnumLabels = [new("Stuck", -1), new("Closed", 0), new("Open", 8)] }, Is.Not.EqualTo(Channel));
    }

    [Test]
    public void From_EnumChannel_CarriesItsLabels()
    {
        var entry = ChannelEntry.From(new TelemetryChannel<ProbeComponent.Valve>(0x2007, "PROBE_VALVE", "", "Valve state"));

        Assert.That(entry.EnumLabels, Is.EqualTo(new KeyValuePair<string, int>[] { new("Closed", 0), new("Open", 7), new("Stuck", -1) }), "in Enum.GetNames order");
        Assert.That(entry.Type, Is.EqualTo(TelemetryType.Enumeration));
    }

    [TestCase(7, "Open")]
    [TestCase(-1, "Stuck")]
    [TestCase(3, null)]
    public void LabelOf_Value_GivesItsLabelOrNull(int value, string? label)
    {
        Assert.That(Channel.LabelOf(value), Is.EqualTo(label));
    }
}
