using FlightSw.Core.Telemetry;
using FlightSw.Ground.Tests.Fixtures;
using FlightSw.Link.Messages;

namespace FlightSw.Ground.Tests;

[TestFixture]
public class SamplePresenterTests
{
    private static readonly DateTimeOffset Time = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Present_ListedChannel_NamedFromTheDictionary()
    {
        var sample = SamplePresenter.Present(TestDictionary.Create(), new HousekeepingSample(TestDictionary.BusVolts, TelemetryType.Float64, 2, Time, 5.1));

        Assert.That(sample, Is.EqualTo(new GroundSample(TestDictionary.BusVolts, "BRD_BUS_V", TelemetryType.Float64, 5.1, Time, 2)));
    }

    [Test]
    public void Present_EnumerationWithLabel_TheLabel()
    {
        var sample = SamplePresenter.Present(TestDictionary.Create(), new HousekeepingSample(TestDictionary.Mode, TelemetryType.Enumeration, 1, Time, 0));

        Assert.That(sample.Value, Is.EqualTo("SAFE"));
    }

    [Test]
    public void Present_EnumerationWithoutDictionary_TheNumberAsText()
    {
        var sample = SamplePresenter.Present(null, new HousekeepingSample(TestDictionary.Mode, TelemetryType.Enumeration, 1, Time, 1));

        Assert.That(sample.Value, Is.EqualTo("1"));
        Assert.That(sample.Name, Is.EqualTo("0x0102"));
    }

    [Test]
    public void Present_NeverWritten_NullValue()
    {
        var sample = SamplePresenter.Present(TestDictionary.Create(), new HousekeepingSample(TestDictionary.Never, TelemetryType.Int32, 0, Time, null));

        Assert.That(sample.Value, Is.Null);
        Assert.That(sample.UpdateCount, Is.Zero);
    }
}
