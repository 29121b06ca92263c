using FlightSw.Core.Telemetry;
using FlightSw.Link.Messages;

namespace FlightSw.Link.Tests.Messages;

public class HousekeepingCodecTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000).AddTicks(5_000_000);

    private enum Power
    {
        Nominal = 0,
        Survival = 3,
    }

    [Test]
    public void Decode_EncodedSamplesOfEveryType_GivesThemBack()
    {
        var types = new Dictionary<ushort, TelemetryType>
        {
            [1] = TelemetryType.Boolean, [2] = TelemetryType.Int32, [3] = TelemetryType.UInt32, [4] = TelemetryType.Int64,
            [5] = TelemetryType.UInt64, [6] = TelemetryType.Float32, [7] = TelemetryType.Float64, [8] = TelemetryType.Enumeration,
        };
        TelemetrySample[] samples =
        [
            new(1, "B", true, Time, 1), new(2, "I", -7, Time, 2), new(3, "U", 7u, Time, 3), new(4, "L", long.MinValue, Time, 4),
            new(5, "UL", ulong.MaxValue, Time, 5), new(6, "F", 0.25f, Time, 6), new(7, "D", -1e300, Time, 7), new(8, "E", Power.Survival, Time, 8),
        ];

        var reports = HousekeepingCodec.Encode(samples, id => types[id]);

        Assert.That(reports, Has.Count.EqualTo(1));
        var decoded = HousekeepingCodec.Decode(reports[0]);
        Assert.That(decoded.Select(s => s.Value), Is.EqualTo(new object[] { true, -7, 7u, long.MinValue, ulong.MaxValue, 0.25f, -1e300, 3 }));
        Assert.That(decoded.Select(s => s.Type), Is.EqualTo(samples.Select(s => types[s.Id])));
        Assert.That(decoded.Select(s => s.UpdateCount), Is.EqualTo(samples.Select(s => s.UpdateCount)));
        Assert.That(decoded.Select(s => s.Time), Is.All.EqualTo(Time));
    }

    [Test]
    public void Encode_NeverWrittenChannel_HasNoValue()
    {
        var reports = HousekeepingCodec.Encode([new TelemetrySample(9, "X", null, default, 0)], _ => TelemetryType.Float64);

        Assert.That(reports[0], Has.Length.EqualTo(2 + 17));
        var sample = HousekeepingCodec.Decode(reports[0]).Single();
        Assert.That(sample, Is.EqualTo(new HousekeepingSample(9, TelemetryType.Float64, 0, DateTimeOffset.UnixEpoch, null)));
    }

    [Test]
    public void Encode_ManySamples_CutIntoReportsOfAtMost1024BytesInOrder()
    {
        var samples = Enumerable.Range(0, 300).Select(i => new TelemetrySample((ushort)i, "C", (double)i, Time, 1)).ToArray();

        var reports = HousekeepingCodec.Encode(samples, _ => TelemetryType.Float64);

        Assert.That(reports, Has.Count.GreaterThan(1));
        Assert.That(reports.Select(r => r.Length), Is.All.LessThanOrEqualTo(HousekeepingCodec.MaxReportBytes));
        var decoded = reports.SelectMany(r => HousekeepingCodec.Decode(r)).ToArray();
        Assert.That(decoded.Select(s => (double)s.Value!), Is.EqualTo(Enumerable.Range(0, 300).Select(i => (double)i)));
    }

    [Test]
    public void Encode_NoSamples_GivesNoReport() =>
        Assert.That(HousekeepingCodec.Encode([], _ => TelemetryType.Int32), Is.Empty);

    [Test]
    public void Decode_EveryTruncation_ThrowsLinkFormatException()
    {
        byte[] report = HousekeepingCodec.Encode([new TelemetrySample(1, "A", 5, Time, 1), new TelemetrySample(2, "B", 6L, Time, 1)], id => id == 1 ? TelemetryType.Int32 : TelemetryType.Int64)[0];
        for (int length = 0; length < report.Length; length++)
        {
            Assert.That(() => HousekeepingCodec.Decode(report.AsSpan(0, length)), Throws.TypeOf<LinkFormatException>().With.Message.Contain("housekeeping report"), $"length {length}");
        }
    }

    [Test]
    public void Decode_UnknownTypeOrHugeUpdateCount_Throws()
    {
        byte[] report = HousekeepingCodec.Encode([new TelemetrySample(1, "A", 5, Time, 1)], _ => TelemetryType.Int32)[0];
        byte[] badType = [.. report];
        badType[4] = 8;
        Assert.That(() => HousekeepingCodec.Decode(badType), Throws.TypeOf<LinkFormatException>().With.Message.Contain("type 8"));

        byte[] badCount = [.. report];
        badCount[5] = 0x80;
        Assert.That(() => HousekeepingCodec.Decode(badCount), Throws.TypeOf<LinkFormatException>().With.Message.Contain("update count"));
    }
}
