using System.Text;
using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.Parameters;

public class ParameterManagerTests
{
    private const string GainRecord = "prm.TST_GAIN";

    /// <summary>Adds a component with TST_GAIN (double, default 1.5 in [0, 10]) and TST_RETRIES (int, default 3 in [1, 5]).</summary>
    private static void Compose(FlightApplication app)
    {
        var probe = new TestComponent();
        probe.AddParameter(0, "TST_GAIN", 1.5, 0.0, 10.0, "dB");
        probe.AddParameter(1, "TST_RETRIES", 3, 1, 5);
        app.Add(probe);
    }

    private static Parameter<double> Gain(TestNode node) => (Parameter<double>)node.App.Parameters.Find("TST_GAIN")!;

    private static CommandResponse Command(TestNode node, string name, params string[] arguments) =>
        node.App.Commands.Execute(CommandRequest.Of(name, arguments));

    private static void Reset(TestNode node)
    {
        int boots = node.Boots.Count;
        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "x");
        node.RunUntilBoot(boots + 1);
    }

    [Test]
    public void LoadAll_NothingStored_UsesTheDefaultsAndSaysSo()
    {
        using var node = TestNode.Boot(Compose);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(1.5));
            Assert.That(node.App.Parameters.All.Select(p => p.Name), Is.EqualTo(new[] { "TST_GAIN", "TST_RETRIES" }));
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 0 stored parameters; 2 at default" }));
            Assert.That(node.EventsNamed("PRM_STORED_INVALID"), Is.Empty);
        }
    }

    [Test]
    public void PrmSet_ValidValue_AppliesStoresAndReportsIt()
    {
        using var node = TestNode.Boot(Compose);

        var response = Command(node, "PRM_SET", "tst_gain", "2.25");

        node.Hardware.Store.TryRead(GainRecord, out var record);
        CheckedRecord.TryUnwrap(record, out var payload, out _);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("PRM_SET", CommandStatus.Completed, "TST_GAIN = 2.25")));
            Assert.That(Gain(node).Value, Is.EqualTo(2.25));
            Assert.That(Encoding.UTF8.GetString(payload), Is.EqualTo("2.25"));
            Assert.That(node.EventsNamed("PRM_UPDATED").Select(e => e.Message), Is.EqualTo(new[] { "TST_GAIN set to 2.25" }));
            Assert.That(node.Telemetry("PRM_UPDATES"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void PrmSet_ThenReset_ValueIsLoadedOnTheNextBoot()
    {
        using var node = TestNode.Boot(Compose);
        Command(node, "PRM_SET", "TST_GAIN", "7.5");

        Reset(node);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots, Has.Count.EqualTo(2));
            Assert.That(Gain(node).Value, Is.EqualTo(7.5));
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 1 stored parameters; 1 at default" }));
        }
    }

    [TestCase("10.5", "TST_GAIN must lie in [0, 10] (was 10.5)")]
    [TestCase("NaN", "TST_GAIN must lie in [0, 10] (was NaN)")]
    [TestCase("loud", "TST_GAIN takes a Double value (was 'loud')")]
    [TestCase("2,5", "TST_GAIN takes a Double value (was '2,5')")]
    public void PrmSet_InvalidValue_RejectedUnchangedAndNotStored(string value, string reason)
    {
        using var node = TestNode.Boot(Compose);

        var response = Command(node, "PRM_SET", "TST_GAIN", value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("PRM_SET", CommandStatus.Rejected, reason)));
            Assert.That(Gain(node).Value, Is.EqualTo(1.5));
            Assert.That(node.Hardware.Store.TryRead(GainRecord, out _), Is.False);
            Assert.That(node.EventsNamed("PRM_UPDATED"), Is.Empty);
        }
    }

    [TestCase("PRM_SET", "NOPE", "1")]
    [TestCase("PRM_GET", "NOPE")]
    [TestCase("PRM_RESET", "NOPE")]
    public void ParameterCommand_UnknownName_RejectedListingTheKnownNames(string command, params string[] arguments)
    {
        using var node = TestNode.Boot(Compose);

        var response = Command(node, command, arguments);

        Assert.That(response, Is.EqualTo(new CommandResponse(command, CommandStatus.Rejected, "no parameter named 'NOPE'; known: TST_GAIN, TST_RETRIES")));
    }

    [Test]
    public void PrmGet_Parameter_ReportsValueDefaultAndRangeInPrmValue()
    {
        using var node = TestNode.Boot(Compose);
        Command(node, "PRM_SET", "TST_GAIN", "4");

        var response = Command(node, "PRM_GET", "TST_GAIN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("PRM_GET", CommandStatus.Completed, "TST_GAIN = 4")));
            Assert.That(node.EventsNamed("PRM_VALUE").Select(e => e.Message), Is.EqualTo(new[] { "TST_GAIN = 4 (default 1.5, range [0, 10])" }));
        }
    }

    [Test]
    public void PrmReset_StoredParameter_RestoresTheDefaultAndForgetsTheRecord()
    {
        using var node = TestNode.Boot(Compose);
        Command(node, "PRM_SET", "TST_GAIN", "4");

        var response = Command(node, "PRM_RESET", "TST_GAIN");
        bool stored = node.Hardware.Store.TryRead(GainRecord, out _);
        Reset(node);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("PRM_RESET", CommandStatus.Completed, "TST_GAIN = 1.5")));
            Assert.That(stored, Is.False);
            Assert.That(node.Boots[0].Events.Snapshot().Where(e => e.Name == "PRM_RESET").Select(e => e.Message), Is.EqualTo(new[] { "TST_GAIN reset to default 1.5" }));
            Assert.That(Gain(node).Value, Is.EqualTo(1.5), "after the next boot too");
        }
    }

    [Test]
    public void LoadAll_StoredRecordCorrupted_IsRefusedWithPrmStoredInvalidAndTheDefaultUsed()
    {
        using var node = TestNode.Boot(Compose);
        Command(node, "PRM_SET", "TST_GAIN", "7.5");
        node.Hardware.Store.TryRead(GainRecord, out var record);
        record[^1] ^= 0x04; // one bit of the stored text flips
        node.Hardware.Store.Write(GainRecord, record);

        Reset(node);

        var refused = node.EventsNamed("PRM_STORED_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(1.5));
            Assert.That(refused, Has.Count.EqualTo(1));
            Assert.That(refused[0]["name"], Is.EqualTo("TST_GAIN"));
            Assert.That((string)refused[0]["reason"]!, Does.StartWith("CRC-32C mismatch"));
            Assert.That(refused[0]["value"], Is.EqualTo("1.5"));
            Assert.That(refused[0].Severity, Is.EqualTo(EventSeverity.WarningHigh));
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 0 stored parameters; 2 at default" }));
        }
    }

    [TestCase("42", "TST_GAIN must lie in [0, 10] (was 42)")]
    [TestCase("-1", "TST_GAIN must lie in [0, 10] (was -1)")]
    [TestCase("high", "TST_GAIN takes a Double value (was 'high')")]
    public void LoadAll_StoredValueOutOfRangeOrUnreadable_IsRefusedAndTheDefaultUsed(string stored, string reason)
    {
        using var node = new TestNode(Compose);
        node.Hardware.Store.Write(GainRecord, CheckedRecord.Wrap(Encoding.UTF8.GetBytes(stored)));

        node.PowerOn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(1.5));
            Assert.That(node.EventsNamed("PRM_STORED_INVALID").Select(e => e.Message), Is.EqualTo(new[] { $"Stored TST_GAIN refused ({reason}); using default 1.5" }));
        }
    }

    [Test]
    public void LoadAll_StoredValueForAnotherParameterInvalid_LoadsTheRest()
    {
        using var node = new TestNode(Compose);
        node.Hardware.Store.Write(GainRecord, CheckedRecord.Wrap(Encoding.UTF8.GetBytes("9")));
        node.Hardware.Store.Write("prm.TST_RETRIES", CheckedRecord.Wrap(Encoding.UTF8.GetBytes("6")));

        node.PowerOn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(9.0));
            Assert.That(node.App.Parameters.Find("TST_RETRIES")!.ValueText, Is.EqualTo("3"));
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 1 stored parameters; 1 at default" }));
        }
    }
}
