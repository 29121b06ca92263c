using System.Text;
using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;
using FlightSw.Sim.Devices;

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

    private static DurableRecordStore Records(TestNode node) => new(node.Hardware.Store);

    private static IEnumerable<string> ParameterKeys(TestNode node) => node.Hardware.Store.Keys.Where(key => key.StartsWith("prm.", StringComparison.Ordinal));

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
            Assert.That(node.App.Parameters.All.Select(p => p.Name).Where(n => n.StartsWith("TST_", StringComparison.Ordinal)), Is.EqualTo(new[] { "TST_GAIN", "TST_RETRIES" }));
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 0 stored parameters; 7 at default" }));
            Assert.That(node.EventsNamed("PRM_STORED_INVALID"), Is.Empty);
        }
    }

    [Test]
    public void PrmSet_ValidValue_AppliesStoresAndReportsIt()
    {
        using var node = TestNode.Boot(Compose);

        var response = Command(node, "PRM_SET", "tst_gain", "2.25");

        Records(node).TryRead(GainRecord, out var payload);
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
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 1 stored parameters; 6 at default" }));
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
            Assert.That(ParameterKeys(node), Is.Empty);
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

        Assert.That(response, Is.EqualTo(new CommandResponse(command, CommandStatus.Rejected, "no parameter named 'NOPE'; known: BOOT_LOOP_RESETS, BOOT_LOOP_WINDOW_S, HEALTH_ESCALATION_WINDOW_S, HEALTH_RESTARTS_MAX, HEALTH_RESTART_WINDOW_S, TST_GAIN, TST_RETRIES")));
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
        var keys = ParameterKeys(node).ToArray();
        Reset(node);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("PRM_RESET", CommandStatus.Completed, "TST_GAIN = 1.5")));
            Assert.That(keys, Is.Empty, "both copies are deleted");
            Assert.That(node.Boots[0].Events.Snapshot().Where(e => e.Name == "PRM_RESET").Select(e => e.Message), Is.EqualTo(new[] { "TST_GAIN reset to default 1.5" }));
            Assert.That(Gain(node).Value, Is.EqualTo(1.5), "after the next boot too");
        }
    }

    [Test]
    public void LoadAll_StoredRecordCorrupted_IsRefusedWithPrmStoredInvalidAndTheDefaultUsed()
    {
        using var node = TestNode.Boot(Compose);
        Command(node, "PRM_SET", "TST_GAIN", "7.5");
        node.Hardware.Store.TryRead(GainRecord + ".a", out var copy);
        copy[14] ^= 0x04; // one bit of the stored text flips in the only copy
        node.Hardware.Store.Write(GainRecord + ".a", copy);

        Reset(node);

        var refused = node.EventsNamed("PRM_STORED_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(1.5));
            Assert.That(refused, Has.Count.EqualTo(1));
            Assert.That(refused[0]["name"], Is.EqualTo("TST_GAIN"));
            Assert.That((string)refused[0]["reason"]!, Does.StartWith("prm.TST_GAIN.a: CRC-32C mismatch"));
            Assert.That(refused[0]["value"], Is.EqualTo("1.5"));
            Assert.That(refused[0].Severity, Is.EqualTo(EventSeverity.WarningHigh));
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 0 stored parameters; 7 at default" }));
        }
    }

    [TestCase("42", "TST_GAIN must lie in [0, 10] (was 42)")]
    [TestCase("-1", "TST_GAIN must lie in [0, 10] (was -1)")]
    [TestCase("high", "TST_GAIN takes a Double value (was 'high')")]
    public void LoadAll_StoredValueOutOfRangeOrUnreadable_IsRefusedAndTheDefaultUsed(string stored, string reason)
    {
        using var node = new TestNode(Compose);
        Records(node).Write(GainRecord, Encoding.UTF8.GetBytes(stored));

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
        Records(node).Write(GainRecord, Encoding.UTF8.GetBytes("9"));
        Records(node).Write("prm.TST_RETRIES", Encoding.UTF8.GetBytes("6"));

        node.PowerOn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(9.0));
            Assert.That(node.App.Parameters.Find("TST_RETRIES")!.ValueText, Is.EqualTo("3"));
            Assert.That(node.EventsNamed("PRM_LOADED").Select(e => e.Message), Is.EqualTo(new[] { "Loaded 1 stored parameters; 6 at default" }));
        }
    }

    [Test]
    public void PrmSet_Twice_StoresEachValueInTheOtherCopy()
    {
        using var node = TestNode.Boot(Compose);

        Command(node, "PRM_SET", "TST_GAIN", "2");
        Command(node, "PRM_SET", "TST_GAIN", "3");

        var read = Records(node).Read(GainRecord);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ParameterKeys(node), Is.EqualTo(new[] { "prm.TST_GAIN.a", "prm.TST_GAIN.b" }));
            Assert.That(Encoding.UTF8.GetString(read.Payload), Is.EqualTo("3"));
            Assert.That(read.Sequence, Is.EqualTo(2UL));
        }
    }

    [Test]
    public void LoadAll_NewestCopyTornByAPowerLoss_LoadsThePreviousValueReportsTheCopyAndRepairsIt()
    {
        using var node = new TestNode(Compose);
        node.PrepareStore((records, store) =>
        {
            records.Write(GainRecord, Encoding.UTF8.GetBytes("7.5"));
            store.ArmPowerLoss(keepBytes: 10);
            records.Write(GainRecord, Encoding.UTF8.GetBytes("9.25"));
        });

        node.PowerOn();

        var refused = node.EventsNamed("PRM_COPY_REFUSED");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(7.5));
            Assert.That(refused, Has.Count.EqualTo(1));
            Assert.That((string)refused[0]["reason"]!, Does.StartWith("prm.TST_GAIN.b: "));
            Assert.That(refused[0]["value"], Is.EqualTo("7.5"));
            Assert.That(node.EventsNamed("PRM_STORED_INVALID"), Is.Empty);
            Assert.That(node.EventsNamed("PRM_LOADED").Single().Message, Does.StartWith("Loaded 1 stored parameters; "));
            Assert.That(Records(node).Read(GainRecord).Refused, Is.Empty, "the torn copy is rewritten");
        }
    }

    [Test]
    public void LoadAll_BothCopiesUnsound_RefusedWithBothReasonsAndTheDefaultUsed()
    {
        using var node = new TestNode(Compose);
        node.Hardware.Store.Write(GainRecord + ".a", [1, 2, 3]);
        node.Hardware.Store.Write(GainRecord + ".b", []);

        node.PowerOn();

        var refused = node.EventsNamed("PRM_STORED_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Gain(node).Value, Is.EqualTo(1.5));
            Assert.That(refused.Select(e => e["reason"]), Is.EqualTo(new[]
            {
                "prm.TST_GAIN.a: copy is 3 bytes long, shorter than the 17-byte minimum; prm.TST_GAIN.b: copy is 0 bytes long, shorter than the 17-byte minimum",
            }));
        }
    }
}
