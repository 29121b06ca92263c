using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Scenarios;
using static FlightSw.Sim.Tests.Scenarios.ScenarioLoaderTests;

namespace FlightSw.Sim.Tests.Scenarios;

[TestFixture]
public class ScenarioLoaderEventTests
{
    private static string WithEvents(string events) => $$"""{ "orbit": { "altitudeKm": 800 }, "events": [ {{events}} ] }""";

    [Test]
    public void Parse_EventOfEachKind_FillsScriptedEvents()
    {
        var events = Parse(WithEvents("""
            { "at": "orbit 3", "kind": "solar-particle-event", "peakMultiplier": 300, "rise": "2h", "decay": "8h" },
            { "at": "t=5000s", "kind": "latch-up", "stepAmps": 1.2 },
            { "at": "t=6000s", "kind": "latch-up" },
            { "at": "3h", "kind": "functional-interrupt", "stops": "thread" },
            { "at": "4h", "kind": "functional-interrupt" }
            """)).Events;
        var orbit3 = new CircularOrbit(800).Period * 2;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[]
            {
                ScriptedEventKind.LatchUp, ScriptedEventKind.LatchUp, ScriptedEventKind.FunctionalInterrupt,
                ScriptedEventKind.SolarParticleEvent, ScriptedEventKind.FunctionalInterrupt,
            }));
            Assert.That(events[0].At, Is.EqualTo(TimeSpan.FromSeconds(5000)));
            Assert.That(events[0].StepAmps, Is.EqualTo(1.2));
            Assert.That(events[1].StepAmps, Is.Null);
            Assert.That(events[2].At, Is.EqualTo(TimeSpan.FromHours(3)));
            Assert.That(events[2].Interrupt, Is.EqualTo(FunctionalInterruptKind.Thread));
            Assert.That(events[3].At, Is.EqualTo(orbit3));
            Assert.That(events[3].Solar, Is.EqualTo(new SolarParticleEvent(orbit3, 300, TimeSpan.FromHours(2), TimeSpan.FromHours(8))));
            Assert.That(events[4].Interrupt, Is.EqualTo(FunctionalInterruptKind.Board));
        }
    }

    [Test]
    public void Parse_OrbitRelativeTimes_UseTheScenarioOrbitPeriod()
    {
        var scenario = Parse(WithEvents("""
            { "at": "orbit 1", "kind": "latch-up" },
            { "at": "orbit 2.5", "kind": "latch-up" },
            { "at": "2orbits", "kind": "latch-up" }
            """));
        var period = new CircularOrbit(800).Period;

        Assert.That(period, Is.Not.EqualTo(CircularOrbit.Leo500.Period));
        Assert.That(scenario.Events.Select(e => e.At), Is.EqualTo(new[] { TimeSpan.Zero, period * 1.5, period * 2 }));
    }

    [Test]
    public void Parse_EventsOutOfOrder_SortedByTimeKeepingFileOrderOnTies()
    {
        var events = Parse(WithEvents("""
            { "at": "3h", "kind": "latch-up", "stepAmps": 1 },
            { "at": "1h", "kind": "functional-interrupt" },
            { "at": "03:00:00", "kind": "latch-up", "stepAmps": 2 },
            { "at": "t=0s", "kind": "latch-up", "stepAmps": 3 }
            """)).Events;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => e.At), Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(3) }));
            Assert.That(events.Select(e => e.StepAmps), Is.EqualTo(new double?[] { 3, null, 1, 2 }));
        }
    }

    [Test]
    public void Parse_UnknownKind_ListsTheKinds()
    {
        var error = ErrorsOf(WithEvents("""{ "at": "1h", "kind": "latchup" }""")).Single();

        Assert.That(error.ToString(), Is.EqualTo(
            "test.json: events[0].kind: must be one of solar-particle-event, latch-up, functional-interrupt; found \"latchup\""));
    }

    [Test]
    public void Parse_FieldOfAnotherKind_NamesTheKindItBelongsTo()
    {
        var error = ErrorsOf(WithEvents("""{ "at": "1h", "kind": "latch-up", "peakMultiplier": 300 }""")).Single();

        Assert.That(error.ToString(), Is.EqualTo(
            "test.json: events[0].peakMultiplier: is a field of solar-particle-event events, not of latch-up events (allowed here: at, kind, stepAmps)"));
    }

    [Test]
    public void Parse_StopsOnSolarEvent_NamesFunctionalInterrupt()
    {
        var error = ErrorsOf(WithEvents("""
            { "at": "1h", "kind": "solar-particle-event", "peakMultiplier": 10, "rise": "1h", "decay": "1h", "stops": "board" }
            """)).Single();

        Assert.That(error.Field, Is.EqualTo("events[0].stops"));
        Assert.That(error.Reason, Does.StartWith("is a field of functional-interrupt events, not of solar-particle-event events"));
    }

    [Test]
    public void Parse_MisspelledEventField_SuggestsTheField()
    {
        var error = ErrorsOf(WithEvents("""{ "at": "1h", "kind": "latch-up", "stepAmp": 1 }""")).Single();

        Assert.That(error.Field, Is.EqualTo("events[0].stepAmp"));
        Assert.That(error.Reason, Does.EndWith("did you mean 'stepAmps'?"));
    }

    [Test]
    public void Parse_BadEventTime_ReportsIndexAndForms()
    {
        var error = ErrorsOf(WithEvents("""
            { "at": "1h", "kind": "latch-up" },
            { "at": "2h", "kind": "latch-up" },
            { "at": "after lunch", "kind": "latch-up" }
            """)).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Field, Is.EqualTo("events[2].at"));
            Assert.That(error.Reason, Does.StartWith("'after lunch' is not a time; use 'orbit N'"));
        }
    }

    [Test]
    public void Parse_OrbitZero_ReportsOrbitsCountFromOne()
    {
        var error = ErrorsOf(WithEvents("""{ "at": "orbit 0", "kind": "latch-up" }""")).Single();

        Assert.That(error.Field, Is.EqualTo("events[0].at"));
        Assert.That(error.Reason, Does.Contain("orbits count from 1"));
    }

    [Test]
    public void Parse_EventWithoutAtOrKind_ReportsRequiredFields()
    {
        var errors = ErrorsOf(WithEvents("""{ "kind": "latch-up" }, { "at": "1h" }"""));

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "test.json: events[0].at: required field is missing",
            "test.json: events[1].kind: required field is missing",
        }));
    }

    [Test]
    public void Parse_SolarEventWithoutItsFields_ReportsEachMissing()
    {
        var errors = ErrorsOf(WithEvents("""{ "at": "orbit 3", "kind": "solar-particle-event" }"""));

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "events[0].peakMultiplier", "events[0].rise", "events[0].decay" }));
    }

    [TestCase(""" "peakMultiplier": 0.5, "rise": "2h", "decay": "8h" """, "events[0].peakMultiplier", "must be 1 or more; found 0.5")]
    [TestCase(""" "peakMultiplier": 300, "rise": "0s", "decay": "8h" """, "events[0].rise", "'0s' must be longer than zero")]
    [TestCase(""" "peakMultiplier": 300, "rise": "2h", "decay": 8 """, "events[0].decay", "must be a time as a string")]
    public void Parse_BadSolarEventField_Reported(string fields, string field, string reason)
    {
        var error = ErrorsOf(WithEvents($$"""{ "at": "orbit 3", "kind": "solar-particle-event", {{fields}} }""")).Single();

        Assert.That(error.Field, Is.EqualTo(field));
        Assert.That(error.Reason, Does.StartWith(reason));
    }

    [Test]
    public void Parse_BadStepAmps_Reported()
    {
        var error = ErrorsOf(WithEvents("""{ "at": "1h", "kind": "latch-up", "stepAmps": -1 }""")).Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: events[0].stepAmps: must be above 0; found -1"));
    }

    [Test]
    public void Parse_BadStops_ListsBoardAndThread()
    {
        var error = ErrorsOf(WithEvents("""{ "at": "1h", "kind": "functional-interrupt", "stops": "cpu" }""")).Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: events[0].stops: must be one of board, thread; found \"cpu\""));
    }

    [Test]
    public void Parse_KindNotAString_ReportsType()
    {
        var error = ErrorsOf(WithEvents("""{ "at": "1h", "kind": 1 }""")).Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: events[0].kind: must be a string; found the number 1"));
    }
}
