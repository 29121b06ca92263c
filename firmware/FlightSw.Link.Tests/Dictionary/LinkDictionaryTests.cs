using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

public class LinkDictionaryTests
{
    [Test]
    public void From_Application_HoldsEveryComponentsDeclarationsFrameworkIncluded()
    {
        var app = DictionaryFixtures.Application();

        var dictionary = LinkDictionary.From(app, "probe-node");

        var components = app.Components.Append(app.Health).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dictionary.NodeName, Is.EqualTo("probe-node"));
            Assert.That(dictionary.Commands.Select(c => c.Name), Is.EquivalentTo(components.SelectMany(c => c.Commands).Select(c => c.Name)));
            Assert.That(dictionary.Channels.Select(c => c.Name), Is.EquivalentTo(components.SelectMany(c => c.Channels).Select(c => c.Name)));
            Assert.That(dictionary.Events.Select(e => e.Name), Is.EquivalentTo(components.SelectMany(c => c.Events).Select(e => e.Name)));
            Assert.That(dictionary.FindCommand("CMD_NOOP")?.Component, Is.EqualTo("commands"), "a framework command");
            Assert.That(dictionary.Channels.Any(c => c.Component == app.Health.Name), Is.True, "the health monitor is added only at start, yet is in the dictionary");
        }
    }

    [Test]
    public void From_Application_SortsByOpcodeAndId()
    {
        var dictionary = DictionaryFixtures.FromApplication();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dictionary.Commands.Select(c => c.Opcode), Is.Ordered.Ascending);
            Assert.That(dictionary.Channels.Select(c => c.Id), Is.Ordered.Ascending);
            Assert.That(dictionary.Events.Select(e => e.Id), Is.Ordered.Ascending);
        }
    }

    [Test]
    public void From_Application_CarriesTypesBoundsAndLabels()
    {
        var dictionary = DictionaryFixtures.FromApplication();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dictionary.FindChannel("PROBE_VALVE"), Is.EqualTo(new ChannelEntry(0x2007, "PROBE_VALVE", "probe", TelemetryType.Enumeration, "", "Valve state", [new("Closed", 0), new("Open", 7), new("Stuck", -1)])));
            Assert.That(dictionary.FindChannel(0x2005)?.Unit, Is.EqualTo("V"));
            Assert.That(dictionary.FindCommand("probe_all")?.Arguments[1], Is.EqualTo(new ArgumentEntry("count", CommandArgumentType.Int32, "How many", -5, 5, null, [])));
            Assert.That(dictionary.FindEvent(0x2001), Is.EqualTo(new EventEntry(0x2001, "PROBE_LOW", "probe", EventSeverity.ActivityLow, "low {a} then {b}", ["a", "b"])));
        }
    }

    [Test]
    public void From_SameApplicationTwice_EqualDictionaries()
    {
        var first = DictionaryFixtures.FromApplication();
        var second = DictionaryFixtures.FromApplication();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
        Assert.That(second.DifferencesFrom(first), Is.Empty);
    }

    [Test]
    public void Constructor_EntriesInAnyOrder_SortedSoEqual()
    {
        var dictionary = DictionaryFixtures.HandBuilt();
        var reversed = new LinkDictionary(dictionary.NodeName, dictionary.Commands.Reverse(), dictionary.Channels.Reverse(), dictionary.Events.Reverse());

        Assert.That(reversed, Is.EqualTo(dictionary));
        Assert.That(reversed.Commands.Select(c => c.Name), Is.EqualTo(new[] { "PING", "SET_EPOCH" }));
    }

    [Test]
    public void Constructor_CommandNamesDifferingOnlyInCase_Refused()
    {
        CommandEntry[] commands = [new(1, "PING", "a", "", []), new(2, "ping", "b", "", [])];

        Assert.That(() => new LinkDictionary("n", commands, [], []), Throws.ArgumentException.With.Message.Contains("ping"));
    }

    [Test]
    public void Constructor_DuplicateChannelId_RefusedNamingTheChannel()
    {
        ChannelEntry[] channels = [new(5, "A", "c", TelemetryType.Int32, "", "", []), new(5, "B", "c", TelemetryType.Int32, "", "", [])];

        Assert.That(() => new LinkDictionary("n", [], channels, []), Throws.ArgumentException.With.Message.Contains("0x0005"));
    }

    [Test]
    public void Constructor_DuplicateEventName_Refused()
    {
        EventEntry[] events = [new(1, "E", "c", EventSeverity.Fatal, "", []), new(2, "E", "c", EventSeverity.Fatal, "", [])];

        Assert.That(() => new LinkDictionary("n", [], [], events), Throws.ArgumentException.With.Message.Contains("Event E"));
    }

    [Test]
    public void Find_UnknownNamesAndIds_Null()
    {
        var dictionary = DictionaryFixtures.HandBuilt();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dictionary.FindCommand("NOPE"), Is.Null);
            Assert.That(dictionary.FindChannel("epoch"), Is.Null, "channel names are exact");
            Assert.That(dictionary.FindChannel(42), Is.Null);
            Assert.That(dictionary.FindEvent(42), Is.Null);
        }
    }

    [Test]
    public void Sha256_IsTheHashOfTheXtceDocument()
    {
        var dictionary = DictionaryFixtures.FromApplication();

        Assert.That(dictionary.Sha256(), Is.EqualTo(System.Security.Cryptography.SHA256.HashData(XtceWriter.ToBytes(dictionary))));
        Assert.That(dictionary.Sha256(), Has.Length.EqualTo(32));
    }

    [Test]
    public void Sha256_EqualDictionaries_SameHash_AnyChange_OtherHash()
    {
        var dictionary = DictionaryFixtures.HandBuilt();
        var same = DictionaryFixtures.HandBuilt();
        var changed = new LinkDictionary(dictionary.NodeName, dictionary.Commands, dictionary.Channels.Select(c => c with { Unit = c.Unit + "x" }), dictionary.Events);

        Assert.That(same.Sha256(), Is.EqualTo(dictionary.Sha256()));
        Assert.That(changed.Sha256(), Is.Not.EqualTo(dictionary.Sha256()));
    }

    [Test]
    public void Sha256_CallerChangesTheArray_HashUnchanged()
    {
        var dictionary = DictionaryFixtures.HandBuilt();
        var hash = dictionary.Sha256();
        hash[0] ^= 0xFF;

        Assert.That(dictionary.Sha256(), Is.Not.EqualTo(hash));
    }

    [Test]
    public void DifferencesFrom_ChangedMissingAndExtraEntries_OneLineEach()
    {
        var dictionary = DictionaryFixtures.HandBuilt();
        var other = new LinkDictionary(
            "other",
            dictionary.Commands.Where(c => c.Name != "PING"),
            dictionary.Channels.Select(c => c.Name == "EPOCH" ? c with { Type = TelemetryType.UInt64 } : c),
            dictionary.Events.Append(new EventEntry(8, "EXTRA", "clock", EventSeverity.Diagnostic, "", [])));

        var lines = dictionary.DifferencesFrom(other);

        Assert.That(lines, Has.Count.EqualTo(4));
        Assert.That(lines, Has.Some.StartsWith("node name"));
        Assert.That(lines, Has.Some.StartsWith("command PING only in the first"));
        Assert.That(lines, Has.Some.StartsWith("channel EPOCH differs"));
        Assert.That(lines, Has.Some.StartsWith("event EXTRA only in the second"));
    }
}
