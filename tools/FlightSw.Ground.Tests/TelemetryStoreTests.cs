using FlightSw.Core.Telemetry;
using FlightSw.Link.Messages;

namespace FlightSw.Ground.Tests;

[TestFixture]
public class TelemetryStoreTests
{
    private static readonly DateTimeOffset Time = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Update_NewerSample_ReplacesTheChannelsLatest()
    {
        var store = new TelemetryStore();

        store.Update(new HousekeepingSample(7, TelemetryType.Int32, 1, Time, 10));
        store.Update(new HousekeepingSample(7, TelemetryType.Int32, 2, Time.AddSeconds(1), 11));

        Assert.That(store.TryGet(7, out var latest), Is.True);
        Assert.That(latest.Value, Is.EqualTo(11));
        Assert.That(store.TryGet(8, out _), Is.False);
    }

    [Test]
    public void All_SeveralChannels_OrderedById()
    {
        var store = new TelemetryStore();

        store.Update(new HousekeepingSample(9, TelemetryType.Boolean, 1, Time, true));
        store.Update(new HousekeepingSample(2, TelemetryType.Boolean, 1, Time, false));

        Assert.That(store.All().Select(s => s.Id), Is.EqualTo(new ushort[] { 2, 9 }));
    }
}
