using FlightSw.Core.Modes;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Sim.Time;

namespace FlightSw.Core.Tests.Telemetry;

public class TelemetryChannelTests
{
    private enum Valve
    {
        Stuck = -1,
        Closed = 0,
        Open = 7,
    }

    private enum Wide : long
    {
        Small = 1,
        Huge = 1L << 40,
    }

    private static IEnumerable<TestCaseData> SupportedTypes()
    {
        yield return new TestCaseData(new TelemetryChannel<bool>(1, "B", "", ""), TelemetryType.Boolean).SetArgDisplayNames("bool");
        yield return new TestCaseData(new TelemetryChannel<int>(1, "I", "", ""), TelemetryType.Int32).SetArgDisplayNames("int");
        yield return new TestCaseData(new TelemetryChannel<uint>(1, "U", "", ""), TelemetryType.UInt32).SetArgDisplayNames("uint");
        yield return new TestCaseData(new TelemetryChannel<long>(1, "L", "", ""), TelemetryType.Int64).SetArgDisplayNames("long");
        yield return new TestCaseData(new TelemetryChannel<ulong>(1, "UL", "", ""), TelemetryType.UInt64).SetArgDisplayNames("ulong");
        yield return new TestCaseData(new TelemetryChannel<float>(1, "F", "", ""), TelemetryType.Float32).SetArgDisplayNames("float");
        yield return new TestCaseData(new TelemetryChannel<double>(1, "D", "", ""), TelemetryType.Float64).SetArgDisplayNames("double");
        yield return new TestCaseData(new TelemetryChannel<FlightMode>(1, "E", "", ""), TelemetryType.Enumeration).SetArgDisplayNames("enum");
    }

    private static IEnumerable<TestCaseData> UnsupportedTypes()
    {
        yield return new TestCaseData(new Action(() => _ = new TelemetryChannel<short>(1, "S", "", "")), "Int16").SetArgDisplayNames("short");
        yield return new TestCaseData(new Action(() => _ = new TelemetryChannel<byte>(1, "B", "", "")), "Byte").SetArgDisplayNames("byte");
        yield return new TestCaseData(new Action(() => _ = new TelemetryChannel<char>(1, "C", "", "")), "Char").SetArgDisplayNames("char");
        yield return new TestCaseData(new Action(() => _ = new TelemetryChannel<decimal>(1, "M", "", "")), "Decimal").SetArgDisplayNames("decimal");
        yield return new TestCaseData(new Action(() => _ = new TelemetryChannel<DateTime>(1, "T", "", "")), "DateTime").SetArgDisplayNames("DateTime");
        yield return new TestCaseData(new Action(() => _ = new TelemetryChannel<TimeSpan>(1, "T", "", "")), "TimeSpan").SetArgDisplayNames("TimeSpan");
        yield return new TestCaseData(new Action(() => _ = new TelemetryChannel<Guid>(1, "G", "", "")), "Guid").SetArgDisplayNames("Guid");
    }

    [TestCaseSource(nameof(SupportedTypes))]
    public void Constructor_SupportedValueType_DeclaresItsTelemetryType(TelemetryChannel channel, TelemetryType expected)
    {
        Assert.That(channel.Type, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(UnsupportedTypes))]
    public void Constructor_UnsupportedValueType_ThrowsNotSupportedNamingTheType(Action declare, string typeName)
    {
        Assert.That(declare, Throws.TypeOf<NotSupportedException>().With.Message.StartWith($"Telemetry of type {typeName} is not supported"));
    }

    [TestCase("")]
    [TestCase(" ")]
    public void Constructor_BlankName_ThrowsArgumentException(string name)
    {
        Assert.That(() => new TelemetryChannel<int>(1, name, "", ""), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_NullUnitAndDescription_BecomeEmpty()
    {
        var channel = new TelemetryChannel<int>(7, "COUNT", null!, null!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(channel.Id, Is.EqualTo(7));
            Assert.That(channel.Name, Is.EqualTo("COUNT"));
            Assert.That(channel.Unit, Is.Empty);
            Assert.That(channel.Description, Is.Empty);
        }
    }

    [Test]
    public void Value_BeforeTheFirstWrite_IsDefaultBoxedAsNullWithNoUpdates()
    {
        var channel = new TelemetryChannel<double>(1, "BRD_BUS_V", "V", "Supply bus voltage");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(channel.Value, Is.Zero);
            Assert.That(channel.BoxedValue, Is.Null);
            Assert.That(channel.UpdateCount, Is.Zero);
            Assert.That(channel.LastUpdated, Is.EqualTo(default(DateTimeOffset)));
        }
    }

    [Test]
    public void Write_Values_KeepsTheLatestAndCountsEveryWrite()
    {
        var channel = new TelemetryChannel<uint>(1, "COUNT", "", "");

        channel.Write(5);
        channel.Write(5);
        channel.Write(9);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(channel.Value, Is.EqualTo(9u));
            Assert.That(channel.BoxedValue, Is.EqualTo(9u));
            Assert.That(channel.UpdateCount, Is.EqualTo(3));
        }
    }

    [Test]
    public void Write_BoundToAClock_StampsTheClockTime()
    {
        var clock = new VirtualClock();
        var channel = new TelemetryChannel<int>(1, "COUNT", "", "");
        channel.Bind(clock);
        clock.RunFor(TimeSpan.FromSeconds(42));

        channel.Write(1);

        Assert.That(channel.LastUpdated, Is.EqualTo(VirtualClock.DefaultEpoch + TimeSpan.FromSeconds(42)));
    }

    [Test]
    public void Write_EveryCycleOnARunningBoard_CountsUpdatesAndStampsTheBoardClock()
    {
        TelemetryChannel<long>? channel = null;
        using var node = TestNode.Boot(app =>
        {
            var probe = new TestComponent();
            channel = probe.AddChannel<long>(0, "PROBE_INDEX");
            probe.OnEachCycle = cycle => channel.Write(cycle.Index);
            app.Add(probe, RateGroupId.Rate10Hz);
        });

        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(channel!.UpdateCount, Is.EqualTo(10));
            Assert.That(channel.Value, Is.EqualTo(9));
            Assert.That(channel.LastUpdated, Is.EqualTo(node.Board.Time.GetUtcNow()), "the last 10 Hz cycle ran exactly 1 s after the start");
            Assert.That(channel.LastUpdated, Is.EqualTo(VirtualClock.DefaultEpoch + node.StartedAt + TimeSpan.FromSeconds(1)));
            Assert.That(channel.Component, Is.EqualTo("probe"));
        }
    }

    [Test]
    public void Sample_AfterAWrite_CarriesIdNameValueTimeAndCount()
    {
        var clock = new VirtualClock();
        var channel = new TelemetryChannel<bool>(0x1100, "LED_LIT", "", "");
        channel.Bind(clock);
        channel.Write(true);

        var sample = channel.Sample();

        Assert.That(sample, Is.EqualTo(new TelemetrySample(0x1100, "LED_LIT", true, VirtualClock.DefaultEpoch, 1)));
    }

    [Test]
    public void EnumLabels_EnumChannel_ListsEveryMemberNameWithItsValue()
    {
        var channel = new TelemetryChannel<Valve>(1, "VALVE", "", "");

        Assert.That(channel.EnumLabels, Is.EqualTo(new[]
        {
            new KeyValuePair<string, int>("Closed", 0),
            new KeyValuePair<string, int>("Open", 7),
            new KeyValuePair<string, int>("Stuck", -1),
        }));
    }

    [Test]
    public void EnumLabels_FrameworkEnum_MatchesItsMembers()
    {
        var channel = new TelemetryChannel<FlightMode>(1, "MODE", "", "");

        Assert.That(channel.EnumLabels.Select(l => l.Key), Is.EqualTo(Enum.GetNames<FlightMode>()));
        Assert.That(channel.EnumLabels.Select(l => l.Value), Is.EqualTo(Enum.GetValues<FlightMode>().Select(m => (int)m)));
    }

    [TestCaseSource(nameof(SupportedTypes))]
    public void EnumLabels_AnyChannel_EmptyUnlessEnumeration(TelemetryChannel channel, TelemetryType type)
    {
        Assert.That(channel.EnumLabels, type == TelemetryType.Enumeration ? Is.Not.Empty : Is.Empty);
    }

    [Test]
    public void Constructor_EnumMemberBeyond32Bits_ThrowsNotSupportedNamingTheMember()
    {
        Assert.That(() => new TelemetryChannel<Wide>(1, "WIDE", "", ""), Throws.TypeOf<NotSupportedException>().With.Message.Contains("Huge"));
    }
}
