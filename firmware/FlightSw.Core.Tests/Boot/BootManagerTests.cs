using System.Buffers.Binary;
using System.Globalization;
using FlightSw.Core.Application;
using FlightSw.Core.Boot;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Modes;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.Boot;

public class BootManagerTests
{
    private const string SafeByThreeWarmResets = "boot-loop protection: 3 resets within 900 s (CommandedWarmReset, CommandedWarmReset, CommandedWarmReset)";

    /// <summary>Each boot: a non-essential 10 Hz component "probe" answering TST_PING.</summary>
    private static void WithProbe(FlightApplication app)
    {
        var probe = new TestComponent();
        probe.AddCommand(0, "TST_PING", _ => CommandResult.Ok("pong"));
        app.Add(probe, RateGroupId.Rate10Hz);
    }

    private static TestComponent Probe(TestNode node) => (TestComponent)node.App.FindComponent("probe")!;

    /// <summary>Resets the board from outside the software (the hardware's own cause) and runs to boot <paramref name="boot"/>.</summary>
    private static void HardwareReset(TestNode node, int boot, ResetCause cause = ResetCause.CommandedWarmReset)
    {
        node.Hardware.RequestReset(cause, "test");
        node.RunUntilBoot(boot);
    }

    /// <summary>Runs the node from power-on through three warm resets within a minute: boot 4 is a SAFE boot.</summary>
    private static TestNode BootLoopedNode()
    {
        var node = TestNode.Boot(WithProbe);
        for (int boot = 2; boot <= 4; boot++)
        {
            node.RunFor(TimeSpan.FromSeconds(5));
            HardwareReset(node, boot);
        }

        return node;
    }

    private static ResetHistory StoredHistory(TestNode node)
    {
        var read = new DurableRecordStore(node.Hardware.Store).Read(BootManager.HistoryRecord);
        Assert.That(read.Found, Is.True, "the history is stored");
        Assert.That(ResetHistory.TryParse(read.Payload, out var history, out string error), Is.True, error);
        return history;
    }

    /// <summary>The store key of the newest sound copy of the history record.</summary>
    private static string NewestHistoryCopy(TestNode node)
    {
        string? newest = null;
        ulong sequence = 0;
        foreach (string key in new[] { BootManager.HistoryRecord + ".a", BootManager.HistoryRecord + ".b" })
        {
            if (node.Hardware.Store.TryRead(key, out var stored) && DurableCopy.TryDecode(stored, out var copy, out _) && copy.Sequence > sequence)
            {
                (newest, sequence) = (key, copy.Sequence);
            }
        }

        return newest ?? throw new InvalidOperationException("No sound copy of the history.");
    }

    /// <summary>Flips one bit in the middle of a stored copy, as storage rot would.</summary>
    private static void Corrupt(TestNode node, string key)
    {
        Assert.That(node.Hardware.Store.TryRead(key, out var stored), Is.True, key);
        stored[stored.Length / 2] ^= 0x10;
        node.Hardware.Store.Write(key, stored);
    }

    [Test]
    public void Initialize_FirstBootOnAnEmptyStore_CountsOneAndReportsPowerOn()
    {
        using var node = TestNode.Boot();

        var history = StoredHistory(node);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(1u));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.PowerOn));
            Assert.That(node.Telemetry("BOOT_COUNT"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESET_CAUSE"), Is.EqualTo(ResetCause.PowerOn));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 1, reset cause PowerOn: power applied" }));
            Assert.That(node.EventsNamed("BOOT_HISTORY_INVALID"), Is.Empty, "an empty store is not an invalid one");
            Assert.That(history.BootCount, Is.EqualTo(1u));
            Assert.That(history.Entries.Select(e => (e.Boot, e.Cause, e.Reason)), Is.EqualTo(new[] { (1u, ResetCause.PowerOn, "power applied") }));
            Assert.That(history.Entries[0].StartedAt, Is.EqualTo(node.Clock.Epoch + node.StartedAt).Within(TimeSpan.FromMilliseconds(1)), "stored to the millisecond");
            Assert.That(history.Pending, Is.Null);
            Assert.That(node.App.Boot.IsSafeBoot, Is.False);
            Assert.That(node.Telemetry("BOOT_SAFE"), Is.EqualTo(false));
        }
    }

    [Test]
    public void Initialize_EveryBoot_CountsOnInTheStoredHistory()
    {
        using var node = TestNode.Boot();

        for (int boot = 2; boot <= 5; boot++)
        {
            HardwareReset(node, boot, ResetCause.Brownout);
        }

        var history = StoredHistory(node);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots.Select(app => app.Boot.BootCount), Is.EqualTo(new uint[] { 1, 2, 3, 4, 5 }));
            Assert.That(history.BootCount, Is.EqualTo(5u));
            Assert.That(history.Entries.Select(e => (e.Boot, e.Cause)), Is.EqualTo(new[]
            {
                (1u, ResetCause.PowerOn), (2u, ResetCause.Brownout), (3u, ResetCause.Brownout), (4u, ResetCause.Brownout), (5u, ResetCause.Brownout),
            }));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 5, reset cause Brownout: power returned after a brownout" }));
            Assert.That(node.App.Boot.History.BootCount, Is.EqualTo(5u));
        }
    }

    [TestCase(ResetCause.CommandedWarmReset, "warm reset (no request recorded)")]
    [TestCase(ResetCause.CommandedPowerCycle, "power cycle (no request recorded)")]
    [TestCase(ResetCause.Watchdog, "hardware watchdog expired")]
    [TestCase(ResetCause.Brownout, "power returned after a brownout")]
    [TestCase(ResetCause.Crash, "the flight software crashed and its supervisor restarted it")]
    public void Initialize_AfterAHardwareReset_ReportsItsCauseAndReason(ResetCause cause, string reason)
    {
        using var node = TestNode.Boot();

        HardwareReset(node, 2, cause);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(cause));
            Assert.That(node.Telemetry("RESET_CAUSE"), Is.EqualTo(cause));
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(2u));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { $"Boot 2, reset cause {cause}: {reason}" }));
            Assert.That(StoredHistory(node).Entries[^1].Reason, Is.EqualTo(reason));
        }
    }

    [Test]
    public void Initialize_ResetsOfEveryCause_AreTotalledInTelemetryAcrossBoots()
    {
        using var node = TestNode.Boot();
        node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "BOOT_LOOP_RESETS", "16")); // keep boot-loop protection out of the way

        HardwareReset(node, 2, ResetCause.Watchdog);
        HardwareReset(node, 3, ResetCause.CommandedWarmReset);
        HardwareReset(node, 4, ResetCause.Watchdog);
        HardwareReset(node, 5, ResetCause.CommandedPowerCycle);
        HardwareReset(node, 6, ResetCause.Brownout);
        node.Hardware.ReportCrash("InvalidOperationException: test");
        node.RunUntilBoot(7);
        node.App.Boot.RequestReset(ResetCause.LatchUpPowerCycle, "latch-up");
        node.RunUntilBoot(8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Telemetry("RESETS_WATCHDOG"), Is.EqualTo(2u));
            Assert.That(node.Telemetry("RESETS_WARM"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESETS_POWER_CYCLE"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESETS_BROWNOUT"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESETS_CRASH"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESETS_LATCHUP"), Is.EqualTo(1u));
            Assert.That(node.App.Boot.History.TotalOf(ResetCause.PowerOn), Is.EqualTo(1u));
            Assert.That(node.App.Boot.IsSafeBoot, Is.False);
        }
    }

    [Test]
    public void Initialize_NewestHistoryCopyCorrupted_UsesTheOlderCopyAndSaysSo()
    {
        using var node = TestNode.Boot();
        HardwareReset(node, 2);
        HardwareReset(node, 3);
        string newest = NewestHistoryCopy(node);
        Corrupt(node, newest);

        HardwareReset(node, 4);

        var invalid = node.EventsNamed("BOOT_HISTORY_INVALID");
        using (Assert.EnterMultipleScope())
        {
            // The older copy was written at boot 2; boot 3 is lost, so this boot is counted as 3.
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(3u));
            Assert.That(node.App.Boot.History.Entries.Select(e => e.Boot), Is.EqualTo(new uint[] { 1, 2, 3 }));
            Assert.That(invalid, Has.Count.EqualTo(1));
            Assert.That((string)invalid[0]["reason"]!, Does.StartWith(newest + ": CRC-32C mismatch"));
            Assert.That(invalid[0].Message, Does.EndWith("; counting from the other copy"));
            Assert.That(StoredHistory(node).BootCount, Is.EqualTo(3u), "the history is stored sound again");
        }
    }

    [Test]
    public void Initialize_BothHistoryCopiesCorrupted_CountsFromOneAndSaysSoForEach()
    {
        using var node = TestNode.Boot();
        HardwareReset(node, 2);
        Corrupt(node, BootManager.HistoryRecord + ".a");
        Corrupt(node, BootManager.HistoryRecord + ".b");

        HardwareReset(node, 3);

        var invalid = node.EventsNamed("BOOT_HISTORY_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(1u));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
            Assert.That(invalid, Has.Count.EqualTo(2));
            Assert.That((string)invalid[0]["reason"]!, Does.StartWith("boot.history.a: CRC-32C mismatch"));
            Assert.That((string)invalid[1]["reason"]!, Does.StartWith("boot.history.b: CRC-32C mismatch"));
            Assert.That(invalid.Select(e => e.Message), Has.All.EndWith("; counting from 0"));
            Assert.That(node.App.IsRunning, Is.True, "the node boots all the same");
            Assert.That(StoredHistory(node).BootCount, Is.EqualTo(1u), "the history is stored sound again");
        }
    }

    [Test]
    public void Initialize_SoundCopyOfAnotherFormatVersion_IsRefusedAndCountingRestarts()
    {
        using var node = new TestNode();
        new DurableRecordStore(node.Hardware.Store).Write(BootManager.HistoryRecord, [2, 0, 0, 0, 0]);

        node.PowerOn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(1u));
            Assert.That(node.EventsNamed("BOOT_HISTORY_INVALID").Select(e => e.Message),
                Is.EqualTo(new[] { "Stored reset history refused (format version 2, expected 1); counting from 0" }));
        }
    }

    [Test]
    public void Initialize_HistoryAtTheMaximumBootCount_StaysThereInsteadOfOverflowing()
    {
        var full = new ResetHistory().Serialize();
        BinaryPrimitives.WriteUInt32LittleEndian(full.AsSpan(1), uint.MaxValue - 1); // the boot count, after the version byte
        using var node = new TestNode();
        new DurableRecordStore(node.Hardware.Store).Write(BootManager.HistoryRecord, full);

        node.PowerOn();
        HardwareReset(node, 2, ResetCause.Brownout);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots.Select(app => app.Boot.BootCount), Is.EqualTo(new[] { uint.MaxValue, uint.MaxValue }));
            Assert.That(node.App.IsRunning, Is.True);
        }
    }

    [Test]
    public void RequestReset_LatchUpPowerCycle_PowerCyclesAndTheNextBootReportsTheLatchUpWithItsReason()
    {
        using var node = TestNode.Boot();

        node.App.Boot.RequestReset(ResetCause.LatchUpPowerCycle, "latch-up: 0.6 A above the limit");
        var requested = node.EventsNamed("BOOT_RESET_REQUESTED");
        var pending = StoredHistory(node).Pending;
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(requested.Select(e => e.Message), Is.EqualTo(new[] { "latch-up power cycle requested: latch-up: 0.6 A above the limit" }));
            Assert.That(pending, Is.EqualTo(new ResetRequest(ResetCause.LatchUpPowerCycle, "latch-up: 0.6 A above the limit")), "persisted before the reset");
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }), "the hardware sees a power cycle");
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.LatchUpPowerCycle));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 2, reset cause LatchUpPowerCycle: latch-up: 0.6 A above the limit" }));
            Assert.That(node.Telemetry("RESETS_LATCHUP"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESETS_POWER_CYCLE"), Is.EqualTo(0u));
            Assert.That(StoredHistory(node).Pending, Is.Null, "the boot consumed the request");
        }
    }

    [Test]
    public void Initialize_PowerCycleRequestedButCarriedOutAsAWarmReset_ReportsAWarmResetSayingSo()
    {
        using var node = TestNode.Boot();
        node.App.Boot.History.Pending = new ResetRequest(ResetCause.LatchUpPowerCycle, "latch-up 1");
        node.App.Commands.Execute(CommandRequest.Of("BOOT_LOOP_CLEAR")); // stores the history with the request pending

        HardwareReset(node, 2, ResetCause.CommandedWarmReset); // a board whose reboot failed restarts the process instead

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedWarmReset), "power never went away, so the latch-up was not cleared");
            Assert.That(node.EventsNamed("BOOT").Single().Message, Is.EqualTo(
                "Boot 2, reset cause CommandedWarmReset: a LatchUpPowerCycle was requested but carried out as a warm reset, so power was never removed (latch-up 1)"));
            Assert.That(node.Telemetry("RESETS_LATCHUP"), Is.EqualTo(0u));
        }
    }

    [Test]
    public void PrmSet_BootLoopResetsAboveTheHistoryCapacity_IsRefused()
    {
        using var node = TestNode.Boot();

        var response = node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "BOOT_LOOP_RESETS", (ResetHistory.Capacity + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That(response.Status, Is.EqualTo(CommandStatus.Rejected), "the history keeps only 16 boots, so a higher limit could never trip");
    }

    [Test]
    public void RequestReset_Consumed_DoesNotColourALaterReset()
    {
        using var node = TestNode.Boot();
        node.App.Boot.RequestReset(ResetCause.LatchUpPowerCycle, "latch-up");
        node.RunUntilBoot(2);

        HardwareReset(node, 3, ResetCause.CommandedPowerCycle);

        Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 3, reset cause CommandedPowerCycle: power cycle (no request recorded)" }));
    }

    [Test]
    public void RequestReset_WatchdogFiresFirst_TheWatchdogOutranksThePendingRequest()
    {
        using var node = TestNode.Boot();

        node.Hardware.RequestReset(ResetCause.Watchdog, "watchdog expired");
        node.App.Boot.RequestReset(ResetCause.CommandedWarmReset, "operator");
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.Watchdog));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Boot 2, reset cause Watchdog: hardware watchdog expired while a CommandedWarmReset was pending (operator)",
            }));
            Assert.That(node.Telemetry("RESETS_WATCHDOG"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESETS_WARM"), Is.EqualTo(0u));
        }
    }

    [Test]
    public void RequestReset_WarmResetAfterAPowerCycleInTheSameBoot_TheNextBootReportsThePowerCycle()
    {
        using var node = TestNode.Boot();

        node.App.Boot.RequestReset(ResetCause.LatchUpPowerCycle, "latch-up");
        node.App.Boot.RequestReset(ResetCause.CommandedWarmReset, "health: probe hung");
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 2, reset cause LatchUpPowerCycle: latch-up" }));
        }
    }

    [Test]
    public void RequestReset_PowerCycleAfterAWarmResetInTheSameBoot_TheNextBootReportsThePowerCycle()
    {
        using var node = TestNode.Boot();

        node.App.Boot.RequestReset(ResetCause.CommandedWarmReset, "health: probe hung");
        node.App.Boot.RequestReset(ResetCause.LatchUpPowerCycle, "latch-up");
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 2, reset cause LatchUpPowerCycle: latch-up" }));
        }
    }

    [TestCase(ResetCause.Watchdog)]
    [TestCase(ResetCause.Brownout)]
    [TestCase(ResetCause.PowerOn)]
    public void RequestReset_CauseSoftwareCannotAskFor_ThrowsArgumentOutOfRange(ResetCause cause)
    {
        using var node = TestNode.Boot();

        Assert.That(() => node.App.Boot.RequestReset(cause, "x"), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(node.EventsNamed("BOOT_RESET_REQUESTED"), Is.Empty);
    }

    [Test]
    public void OnCycle_TenSeconds_ReportsUptimeSinceTheBoot()
    {
        using var node = TestNode.Boot();

        node.RunFor(TimeSpan.FromSeconds(10));

        // The 1 Hz group last ran 9.1 s after the start.
        Assert.That(node.Telemetry("UPTIME_S"), Is.EqualTo(9.1).Within(1e-9));
    }

    [Test]
    public void NodeResetCommand_Reason_WarmResetsTheBoardAndTheNextBootReportsIt()
    {
        using var node = TestNode.Boot();
        var replies = new List<CommandResponse>();
        node.App.Commands.Submit(CommandRequest.Of("NODE_RESET", "new image"), replies.Add);
        node.RunForMilliseconds(100);
        var requested = node.EventsNamed("BOOT_RESET_REQUESTED");

        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replies, Is.EqualTo(new[] { new CommandResponse("NODE_RESET", CommandStatus.Completed, "warm reset pending") }));
            Assert.That(requested.Select(e => e.Message), Is.EqualTo(new[] { "warm reset requested: new image" }));
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.Reason, r.EndedBoot)), Is.EqualTo(new[] { (ResetCause.CommandedWarmReset, "new image", 1) }));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(2u));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 2, reset cause CommandedWarmReset: new image" }));
            Assert.That(node.Telemetry("RESETS_WARM"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void NodePowerCycleCommand_Reason_PowerCyclesTheBoardAndTheNextBootReportsIt()
    {
        using var node = TestNode.Boot();
        var replies = new List<CommandResponse>();
        node.App.Commands.Submit(CommandRequest.Of("NODE_POWER_CYCLE", "reload FPGA"), replies.Add);
        node.RunForMilliseconds(100);
        var requested = node.EventsNamed("BOOT_RESET_REQUESTED");

        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replies, Is.EqualTo(new[] { new CommandResponse("NODE_POWER_CYCLE", CommandStatus.Completed, "power cycle pending") }));
            Assert.That(requested.Select(e => e.Message), Is.EqualTo(new[] { "power cycle requested: reload FPGA" }));
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.Reason)), Is.EqualTo(new[] { (ResetCause.CommandedPowerCycle, "reload FPGA") }));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedPowerCycle));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 2, reset cause CommandedPowerCycle: reload FPGA" }));
        }
    }

    [Test]
    public void Initialize_ThreeResetsWithinTheWindow_MakesASafeBootWithOnlyEssentialComponents()
    {
        using var node = BootLoopedNode();
        node.RunFor(TimeSpan.FromSeconds(10));

        var probe = Probe(node);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots.Take(3).Select(app => app.Boot.IsSafeBoot), Has.All.False);
            Assert.That(node.Boots.Take(3).Select(app => app.Telemetry.Find("BOOT_LOOP_RESETS")!.BoxedValue), Is.EqualTo(new object[] { 0u, 1u, 2u }));
            Assert.That(node.App.Boot.IsSafeBoot, Is.True);
            Assert.That(node.App.Boot.SafeBootReason, Is.EqualTo(SafeByThreeWarmResets));
            Assert.That(node.Telemetry("BOOT_SAFE"), Is.EqualTo(true));
            Assert.That(node.Telemetry("BOOT_LOOP_RESETS"), Is.EqualTo(3u));
            Assert.That(node.EventsNamed("BOOT_SAFE").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Boot-loop protection: 3 resets within 900 s (CommandedWarmReset, CommandedWarmReset, CommandedWarmReset); SAFE boot with essential components only",
            }));
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Safe));
            Assert.That(node.App.Modes.SafeHold, Is.EqualTo(SafeByThreeWarmResets));
            Assert.That(probe.IsEssential, Is.False);
            Assert.That(probe.State, Is.EqualTo(ComponentState.Skipped));
            Assert.That(probe.Lifecycle, Is.Empty, "neither initialised nor started");
            Assert.That(probe.Cycles, Is.Empty, "never scheduled");
            Assert.That(node.App.Components.Where(c => c != probe && c.State != ComponentState.Running).Select(c => c.Name), Is.Empty, "the framework is essential");
            Assert.That(node.EventsNamed("HEALTH_WDOG_ARMED").Select(e => e.Message), Is.EqualTo(new[] { "Watchdog armed, timeout 5 s; 2 components monitored" }), "boot and commands");
            Assert.That(node.Hardware.Resets, Has.Count.EqualTo(3), "the SAFE boot keeps running and petting");
        }
    }

    [Test]
    public void Initialize_SafeBoot_CommandsOfSkippedComponentsAreRejected()
    {
        using var node = BootLoopedNode();

        var response = node.App.Commands.Execute(CommandRequest.Of("TST_PING"));
        var framework = node.App.Commands.Execute(CommandRequest.Of("CMD_NOOP"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("TST_PING", CommandStatus.Rejected,
                "component probe is not running in this SAFE boot (essential components only)")));
            Assert.That(framework.Status, Is.EqualTo(CommandStatus.Completed));
        }
    }

    [Test]
    public void ModeSetCommand_NominalInASafeBoot_IsRefusedTellingHowToLeave()
    {
        using var node = BootLoopedNode();

        var response = node.App.Commands.Execute(CommandRequest.Of("MODE_SET", "Nominal"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("MODE_SET", CommandStatus.Rejected, "mode Safe cannot go to Nominal")));
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Safe));
            Assert.That(node.EventsNamed("MODE_REFUSED").Select(e => e.Message), Is.EqualTo(new[]
            {
                $"Mode Safe -> Nominal refused: {SafeByThreeWarmResets}: only essential components run in this boot; send BOOT_LOOP_CLEAR, then NODE_RESET",
            }));
        }
    }

    [Test]
    public void Initialize_ResetFromASafeBootWithoutClearing_BootsSafeAgain()
    {
        using var node = BootLoopedNode();

        node.App.Commands.Execute(CommandRequest.Of("NODE_RESET", "try again"));
        node.RunUntilBoot(5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.IsSafeBoot, Is.True);
            Assert.That(node.Telemetry("BOOT_LOOP_RESETS"), Is.EqualTo(4u));
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Skipped));
        }
    }

    [Test]
    public void BootLoopClearCommand_ThenNodeReset_NextBootIsNominalWithEveryComponent()
    {
        using var node = BootLoopedNode();

        var cleared = node.App.Commands.Execute(CommandRequest.Of("BOOT_LOOP_CLEAR"));
        var clearedEvents = node.EventsNamed("BOOT_LOOP_CLEARED");
        node.App.Commands.Execute(CommandRequest.Of("NODE_RESET", "leave SAFE"));
        node.RunUntilBoot(5);
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cleared, Is.EqualTo(new CommandResponse("BOOT_LOOP_CLEAR", CommandStatus.Completed, "boot-loop protection cleared through boot 4")));
            Assert.That(clearedEvents.Select(e => e.Message), Is.EqualTo(new[] { "Boot-loop protection cleared through boot 4; the next reset boots normally" }));
            Assert.That(node.App.Boot.IsSafeBoot, Is.False);
            Assert.That(node.Telemetry("BOOT_LOOP_RESETS"), Is.EqualTo(1u), "only this boot counts");
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Nominal));
            Assert.That(node.App.Modes.SafeHold, Is.Null);
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Running));
            Assert.That(Probe(node).Cycles, Has.Count.EqualTo(10));
            Assert.That(node.App.Commands.Execute(CommandRequest.Of("TST_PING")).Status, Is.EqualTo(CommandStatus.Completed));
        }
    }

    [Test]
    public void Initialize_ResetsSpreadWiderThanTheWindow_NoSafeBoot()
    {
        using var node = TestNode.Boot(WithProbe);

        for (int boot = 2; boot <= 4; boot++)
        {
            node.RunFor(TimeSpan.FromSeconds(500));
            HardwareReset(node, boot);
        }

        using (Assert.EnterMultipleScope())
        {
            // Boot 2 started about 1000 s before boot 4: outside the 900 s window.
            Assert.That(node.Telemetry("BOOT_LOOP_RESETS"), Is.EqualTo(2u));
            Assert.That(node.App.Boot.IsSafeBoot, Is.False);
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Nominal));
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Running));
            Assert.That(node.EventsNamed("BOOT_SAFE"), Is.Empty);
        }
    }

    [Test]
    public void Initialize_LongerWindowParameter_CountsResetsSpreadOverIt()
    {
        using var node = TestNode.Boot(WithProbe);
        node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "BOOT_LOOP_WINDOW_S", "3600"));

        for (int boot = 2; boot <= 4; boot++)
        {
            node.RunFor(TimeSpan.FromSeconds(500));
            HardwareReset(node, boot);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.IsSafeBoot, Is.True);
            Assert.That(node.App.Boot.SafeBootReason, Is.EqualTo("boot-loop protection: 3 resets within 3600 s (CommandedWarmReset, CommandedWarmReset, CommandedWarmReset)"));
        }
    }

    [Test]
    public void Initialize_LowerResetLimitParameter_TripsSooner()
    {
        using var node = TestNode.Boot(WithProbe);
        node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "BOOT_LOOP_RESETS", "2"));

        HardwareReset(node, 2);
        HardwareReset(node, 3);

        Assert.That(node.Boots.Select(app => app.Boot.IsSafeBoot), Is.EqualTo(new[] { false, false, true }));
    }

    [TestCase(ResetCause.Brownout)]
    [TestCase(ResetCause.PowerOn)]
    public void Initialize_BootsFromPowerArriving_AreNotCountedAsAResetLoop(ResetCause cause)
    {
        using var node = TestNode.Boot(WithProbe);

        for (int boot = 2; boot <= 5; boot++)
        {
            HardwareReset(node, boot, cause);
        }

        HardwareReset(node, 6, ResetCause.Watchdog);
        HardwareReset(node, 7, ResetCause.Crash);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots.Select(app => app.Boot.IsSafeBoot), Has.All.False);
            Assert.That(node.Telemetry("BOOT_LOOP_RESETS"), Is.EqualTo(2u), "the watchdog reset and the crash");
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Running));
        }
    }

    [Test]
    public void Initialize_CrashesAndWatchdogResets_CountTowardsTheLoop()
    {
        using var node = TestNode.Boot(WithProbe);

        HardwareReset(node, 2, ResetCause.Watchdog);
        node.Hardware.ReportCrash("NullReferenceException: at start");
        node.RunUntilBoot(3);
        node.App.Commands.Execute(CommandRequest.Of("NODE_POWER_CYCLE", "operator"));
        node.RunUntilBoot(4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.IsSafeBoot, Is.True);
            Assert.That(node.EventsNamed("BOOT_SAFE").Select(e => e["causes"]), Is.EqualTo(new[] { "Watchdog, Crash, CommandedPowerCycle" }));
        }
    }

    [Test]
    public void Initialize_LatchUpPowerCycles_AreNotCountedAsAResetLoop()
    {
        using var node = TestNode.Boot(WithProbe);

        for (int boot = 2; boot <= 5; boot++)
        {
            node.App.Boot.RequestReset(ResetCause.LatchUpPowerCycle, "latch-up");
            node.RunUntilBoot(boot);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots.Select(app => app.Boot.ResetCause), Is.EqualTo(new[]
            {
                ResetCause.PowerOn, ResetCause.LatchUpPowerCycle, ResetCause.LatchUpPowerCycle, ResetCause.LatchUpPowerCycle, ResetCause.LatchUpPowerCycle,
            }));
            Assert.That(node.Boots.Select(app => app.Boot.IsSafeBoot), Has.All.False, "a latch-up is the environment's doing");
            Assert.That(node.Telemetry("BOOT_LOOP_RESETS"), Is.EqualTo(0u));
        }
    }

    [Test]
    public void BootHistoryCommand_SeveralBoots_ReportsOneEventPerStoredBoot()
    {
        using var node = TestNode.Boot();
        HardwareReset(node, 2, ResetCause.Watchdog);
        node.App.Commands.Execute(CommandRequest.Of("NODE_RESET", "new image"));
        node.RunUntilBoot(3);

        var response = node.App.Commands.Execute(CommandRequest.Of("BOOT_HISTORY"));

        var entries = node.EventsNamed("BOOT_HISTORY_ENTRY");
        var stored = node.App.Boot.History.Entries;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("BOOT_HISTORY", CommandStatus.Completed, "3 boots reported; 3 in all")));
            Assert.That(entries.Select(e => $"{e["boot"]} {e["cause"]} {e["reason"]}"), Is.EqualTo(new[]
            {
                "1 PowerOn power applied",
                "2 Watchdog hardware watchdog expired",
                "3 CommandedWarmReset new image",
            }));
            Assert.That(entries.Select(e => e["at"]), Is.EqualTo(stored.Select(s => s.StartedAt.ToString("u", CultureInfo.InvariantCulture))));
            Assert.That(entries[2].Message, Is.EqualTo($"Boot 3 at {node.Clock.Epoch + node.StartedAt:u}: CommandedWarmReset, new image"));
        }
    }

    [Test]
    public void BootHistoryCommand_MoreBootsThanKept_ReportsTheLastSixteen()
    {
        using var node = TestNode.Boot();
        for (int boot = 2; boot <= 20; boot++)
        {
            HardwareReset(node, boot, ResetCause.Brownout);
        }

        var response = node.App.Commands.Execute(CommandRequest.Of("BOOT_HISTORY"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Message, Is.EqualTo("16 boots reported; 20 in all"));
            Assert.That(node.EventsNamed("BOOT_HISTORY_ENTRY").Select(e => e["boot"]), Is.EqualTo(Enumerable.Range(5, 16).Select(b => (object)(uint)b)));
            Assert.That(node.Telemetry("RESETS_BROWNOUT"), Is.EqualTo(19u), "totals cover the whole life, not just what is kept");
        }
    }
}
