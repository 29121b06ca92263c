using FlightSw.Core.Events;
using FlightSw.Sim.Time;

namespace FlightSw.Core.Tests.Events;

public class EventLogTests
{
    private static readonly EventDefinition Overrun =
        new(0x0100, "SCHED_OVERRUN", EventSeverity.WarningLow, "Rate group {group} took {elapsedMs} ms of its {periodMs} ms period") { Component = "scheduler" };

    private static readonly EventDefinition Counted = new(0x2000, "COUNTED", EventSeverity.ActivityLow, "Number {n}");

    private static readonly EventDefinition Plain = new(0x2001, "PLAIN", EventSeverity.Diagnostic, "Nothing to fill in");

    [Test]
    public void Emit_Arguments_RendersTheMessageAndKeepsThemByName()
    {
        var log = new EventLog(new VirtualClock());

        var record = log.Emit(Overrun, "Rate10Hz", 150.0, 100.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Message, Is.EqualTo("Rate group Rate10Hz took 150 ms of its 100 ms period"));
            Assert.That(record.Arguments.Select(a => a.Key), Is.EqualTo(new[] { "group", "elapsedMs", "periodMs" }));
            Assert.That(record.Arguments.Select(a => a.Value), Is.EqualTo(new object[] { "Rate10Hz", 150.0, 100.0 }));
            Assert.That(record.Id, Is.EqualTo(0x0100));
            Assert.That(record.Name, Is.EqualTo("SCHED_OVERRUN"));
            Assert.That(record.Severity, Is.EqualTo(EventSeverity.WarningLow));
            Assert.That(record.Component, Is.EqualTo("scheduler"));
        }
    }

    [Test]
    public void Emit_NoPlaceholders_MessageIsTheTemplate()
    {
        var record = new EventLog(new VirtualClock()).Emit(Plain);

        Assert.That(record.Message, Is.EqualTo("Nothing to fill in"));
    }

    [Test]
    public void Emit_SuccessiveEvents_NumbersThemFromOneAndStampsTheClockTime()
    {
        var clock = new VirtualClock();
        var log = new EventLog(clock);

        var first = log.Emit(Counted, 1);
        clock.RunFor(TimeSpan.FromSeconds(2.5));
        var second = log.Emit(Counted, 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Sequence, Is.EqualTo(1UL));
            Assert.That(second.Sequence, Is.EqualTo(2UL));
            Assert.That(first.Time, Is.EqualTo(VirtualClock.DefaultEpoch));
            Assert.That(second.Time, Is.EqualTo(VirtualClock.DefaultEpoch + TimeSpan.FromSeconds(2.5)));
            Assert.That(log.TotalEmitted, Is.EqualTo(2));
        }
    }

    [TestCase(0)]
    [TestCase(2)]
    public void Emit_WrongArgumentCount_ThrowsArgumentExceptionAndRecordsNothing(int count)
    {
        var log = new EventLog(new VirtualClock());

        Assert.That(
            () => log.Emit(Counted, Enumerable.Repeat<object?>(7, count).ToArray()),
            Throws.ArgumentException.With.Message.StartWith($"Event COUNTED takes 1 arguments (n), got {count}."));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(log.Snapshot(), Is.Empty);
            Assert.That(log.TotalEmitted, Is.Zero);
        }
    }

    [Test]
    [SetCulture("de-DE")]
    public void Emit_NumbersUnderAGermanCulture_RenderWithInvariantCulture()
    {
        var definition = new EventDefinition(1, "VALUES", EventSeverity.Diagnostic, "{d} {f} {i} {big} {when}");
        var when = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var record = new EventLog(new VirtualClock()).Emit(definition, 3.14159, 2.5f, -1234567, 1234567.25, when);

        Assert.That(record.Message, Is.EqualTo("3.142 2.5 -1234567 1234567.25 01/02/2030 03:04:05 +00:00"));
    }

    [Test]
    public void Emit_NullBoolAndEnumArguments_RenderAsTextAndNames()
    {
        var definition = new EventDefinition(1, "MIXED", EventSeverity.Diagnostic, "{a} {b} {c}");

        var record = new EventLog(new VirtualClock()).Emit(definition, null, true, EventSeverity.WarningHigh);

        Assert.That(record.Message, Is.EqualTo("null True WarningHigh"));
    }

    [Test]
    public void Emit_ArgumentThatLooksLikeAPlaceholder_IsRenderedLiterally()
    {
        // Arguments can come from the ground (a command name, a reason): their text must not be
        // taken for the template's own placeholders.
        var rejected = new EventDefinition(0x0401, "CMD_REJECTED", EventSeverity.WarningLow, "{command} rejected ({status}): {reason}");

        var record = new EventLog(new VirtualClock()).Emit(rejected, "{reason}", "UnknownCommand", "no command named '{reason}'");

        Assert.That(record.Message, Is.EqualTo("{reason} rejected (UnknownCommand): no command named '{reason}'"));
    }

    [Test]
    public void Emit_RepeatedPlaceholderName_FillsEachFromItsOwnArgument()
    {
        var definition = new EventDefinition(1, "TWICE", EventSeverity.Diagnostic, "{x} then {x}");

        var record = new EventLog(new VirtualClock()).Emit(definition, 1, 2);

        Assert.That(record.Message, Is.EqualTo("1 then 2"));
    }

    [Test]
    public void Snapshot_FewerEventsThanCapacity_ReturnsThemOldestFirst()
    {
        var log = new EventLog(new VirtualClock(), capacity: 4);
        log.Emit(Counted, 1);
        log.Emit(Counted, 2);
        log.Emit(Counted, 3);

        var snapshot = log.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Select(e => e.Message), Is.EqualTo(new[] { "Number 1", "Number 2", "Number 3" }));
            Assert.That(log.Overwritten, Is.Zero);
        }
    }

    [Test]
    public void Emit_RingFull_OverwritesTheOldestAndCountsOverwritten()
    {
        var log = new EventLog(new VirtualClock(), capacity: 3);

        for (int n = 1; n <= 5; n++)
        {
            log.Emit(Counted, n);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log.Snapshot().Select(e => e.Sequence), Is.EqualTo(new ulong[] { 3, 4, 5 }));
            Assert.That(log.Overwritten, Is.EqualTo(2));
            Assert.That(log.TotalEmitted, Is.EqualTo(5));
        }
    }

    [Test]
    public void CountOf_EventsOfSeveralSeverities_CountsEachSeverity()
    {
        var log = new EventLog(new VirtualClock(), capacity: 2);
        log.Emit(Counted, 1);
        log.Emit(Counted, 2);
        log.Emit(Counted, 3);
        log.Emit(Overrun, "Rate1Hz", 1200.0, 1000.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log.CountOf(EventSeverity.ActivityLow), Is.EqualTo(3), "counted since boot, not only those still in the ring");
            Assert.That(log.CountOf(EventSeverity.WarningLow), Is.EqualTo(1));
            Assert.That(log.CountOf(EventSeverity.Fatal), Is.Zero);
        }
    }

    [Test]
    public void Emitted_Subscriber_ReceivesEachRecordAsEmitted()
    {
        var log = new EventLog(new VirtualClock());
        var received = new List<EventRecord>();
        log.Emitted += received.Add;

        var first = log.Emit(Counted, 1);
        var second = log.Emit(Plain);

        Assert.That(received, Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public void Constructor_ZeroCapacity_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => new EventLog(new VirtualClock(), capacity: 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
