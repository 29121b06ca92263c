using FlightSw.Core.Events;
using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

public class EventEntryTests
{
    private static readonly EventEntry Event = new(0x0502, "MODE_CHANGED", "modes", EventSeverity.ActivityHigh, "Mode {from} -> {to}", ["from", "to"]);

    [Test]
    public void Equals_SameArgumentNamesInAnotherList_Equal()
    {
        var copy = Event with { ArgumentNames = new List<string> { "from", "to" } };

        Assert.That(copy, Is.EqualTo(Event));
        Assert.That(copy.GetHashCode(), Is.EqualTo(Event.GetHashCode()));
    }

    [Test]
    public void Equals_SeverityChanged_NotEqual()
    {
        Assert.That(Event with { Severity = EventSeverity.WarningLow }, Is.Not.EqualTo(Event));
    }

    [Test]
    public void From_Definition_TakesTheArgumentNamesFromTheTemplate()
    {
        var entry = EventEntry.From(new EventDefinition(0x0502, "MODE_CHANGED", EventSeverity.ActivityHigh, "Mode {from} -> {to}"));

        Assert.That(entry, Is.EqualTo(Event with { Component = "" }));
    }
}
