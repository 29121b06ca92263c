using System.Text;
using FlightSw.Core.Events;
using FlightSw.Link.Messages;

namespace FlightSw.Link.Tests.Messages;

public class EventReportCodecTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000);

    private enum Mode
    {
        Nominal,
        Safe,
    }

    [Test]
    public void Decode_EncodedEventWithEveryTag_GivesItBack()
    {
        var record = Event(
            ("nothing", null), ("flag", true), ("i32", -5), ("u32", 4_000_000_000u), ("i64", long.MinValue), ("u64", ulong.MaxValue),
            ("f32", 1.5f), ("f64", Math.PI), ("text", "héllo"), ("mode", Mode.Safe));

        var decoded = EventReportCodec.Decode(EventReportCodec.Encode(record), Time);

        Assert.That(decoded.Id, Is.EqualTo(record.Id));
        Assert.That(decoded.Sequence, Is.EqualTo(record.Sequence));
        Assert.That(decoded.Severity, Is.EqualTo(record.Severity));
        Assert.That(decoded.Name, Is.EqualTo(record.Name));
        Assert.That(decoded.Component, Is.EqualTo(record.Component));
        Assert.That(decoded.Message, Is.EqualTo(record.Message));
        Assert.That(decoded.Time, Is.EqualTo(Time));
        Assert.That(decoded.Arguments.Select(a => a.Key), Is.EqualTo(record.Arguments.Select(a => a.Key)));
        Assert.That(decoded["nothing"], Is.Null);
        Assert.That(decoded["flag"], Is.EqualTo(true));
        Assert.That(decoded["i32"], Is.EqualTo(-5));
        Assert.That(decoded["u32"], Is.EqualTo(4_000_000_000u));
        Assert.That(decoded["i64"], Is.EqualTo(long.MinValue));
        Assert.That(decoded["u64"], Is.EqualTo(ulong.MaxValue));
        Assert.That(decoded["f32"], Is.EqualTo(1.5f));
        Assert.That(decoded["f64"], Is.EqualTo(Math.PI));
        Assert.That(decoded["text"], Is.EqualTo("héllo"));
        Assert.That(decoded["mode"], Is.EqualTo("Safe"));
    }

    [Test]
    public void Encode_SmallIntegersAndOtherValues_WidenedOrSentAsInvariantText()
    {
        var record = Event(("s", (short)-3), ("b", (byte)200), ("span", TimeSpan.FromSeconds(1.5)), ("m", 2.5m));

        var decoded = EventReportCodec.Decode(EventReportCodec.Encode(record), Time);

        Assert.That(decoded["s"], Is.EqualTo(-3));
        Assert.That(decoded["b"], Is.EqualTo(200u));
        Assert.That(decoded["span"], Is.EqualTo("00:00:01.5000000"));
        Assert.That(decoded["m"], Is.EqualTo("2.5"));
    }

    [Test]
    public void Encode_StringLongerThan1024Bytes_IsCutAtACharacterBoundary()
    {
        string text = new('é', 600);
        var decoded = EventReportCodec.Decode(EventReportCodec.Encode(Event(("text", text)) with { Message = text }), Time);

        Assert.That(decoded["text"], Is.EqualTo(new string('é', 512)));
        Assert.That(Encoding.UTF8.GetByteCount(decoded.Message), Is.EqualTo(1024));
    }

    [Test]
    public void Encode_NonAsciiName_SentWithQuestionMarks()
    {
        var decoded = EventReportCodec.Decode(EventReportCodec.Encode(Event() with { Name = "TEMPÉRATURE" }), Time);
        Assert.That(decoded.Name, Is.EqualTo("TEMP?RATURE"));
    }

    [TestCase(EventSeverity.Diagnostic, 1)]
    [TestCase(EventSeverity.ActivityLow, 1)]
    [TestCase(EventSeverity.ActivityHigh, 1)]
    [TestCase(EventSeverity.WarningLow, 2)]
    [TestCase(EventSeverity.WarningHigh, 3)]
    [TestCase(EventSeverity.Fatal, 4)]
    public void SubtypeFor_Severity_IsThePusReportSubtype(EventSeverity severity, int subtype) =>
        Assert.That(EventReportCodec.SubtypeFor(severity), Is.EqualTo(subtype));

    [Test]
    public void SubtypeFor_UndefinedSeverity_Throws() =>
        Assert.That(() => EventReportCodec.SubtypeFor((EventSeverity)9), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Decode_EveryTruncation_ThrowsLinkFormatExceptionSayingWhere()
    {
        byte[] data = EventReportCodec.Encode(Event(("i32", 7), ("text", "abc")));
        for (int length = 0; length < data.Length; length++)
        {
            Assert.That(
                () => EventReportCodec.Decode(data.AsSpan(0, length), Time),
                Throws.TypeOf<LinkFormatException>().With.Message.Contain("event report").And.Message.Contain("offset"),
                $"length {length}");
        }
    }

    [Test]
    public void Decode_TrailingByte_Throws() =>
        Assert.That(
            () => EventReportCodec.Decode([.. EventReportCodec.Encode(Event()), 0], Time),
            Throws.TypeOf<LinkFormatException>().With.Message.Contain("unexpected"));

    [Test]
    public void Decode_UnknownTagOrSeverity_Throws()
    {
        byte[] data = EventReportCodec.Encode(Event(("x", null)));
        int tagAt = Array.LastIndexOf(data, (byte)'x') + 1;
        data[tagAt] = 42;
        Assert.That(() => EventReportCodec.Decode(data, Time), Throws.TypeOf<LinkFormatException>().With.Message.Contain("type tag 42"));

        byte[] severity = EventReportCodec.Encode(Event());
        severity[10] = 6;
        Assert.That(() => EventReportCodec.Decode(severity, Time), Throws.TypeOf<LinkFormatException>().With.Message.Contain("severity 6"));
    }

    private static EventRecord Event(params (string Name, object? Value)[] arguments) =>
        new(
            77,
            Time,
            0x0701,
            "LINK_TEST",
            EventSeverity.WarningHigh,
            "link",
            arguments.Select(a => KeyValuePair.Create(a.Name, a.Value)).ToArray(),
            "a message: ünïcode");
}
