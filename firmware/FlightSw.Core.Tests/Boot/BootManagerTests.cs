using System.Buffers.Binary;
using FlightSw.Core.Boot;
using FlightSw.Core.Commands;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.Boot;

public class BootManagerTests
{
    private static uint StoredCount(TestNode node)
    {
        node.Hardware.Store.TryRead(BootManager.BootCountRecord, out var record);
        CheckedRecord.TryUnwrap(record, out var payload, out _);
        return BinaryPrimitives.ReadUInt32LittleEndian(payload);
    }

    [Test]
    public void Initialize_FirstBootOnAnEmptyStore_CountsOneAndReportsPowerOn()
    {
        using var node = TestNode.Boot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(1u));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.PowerOn));
            Assert.That(node.Telemetry("BOOT_COUNT"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("RESET_CAUSE"), Is.EqualTo(ResetCause.PowerOn));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 1, reset cause PowerOn" }));
            Assert.That(StoredCount(node), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Initialize_EveryBoot_IncrementsTheStoredCounter()
    {
        using var node = TestNode.Boot();

        for (int boot = 2; boot <= 5; boot++)
        {
            node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "x");
            node.RunUntilBoot(boot);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots.Select(app => app.Boot.BootCount), Is.EqualTo(new uint[] { 1, 2, 3, 4, 5 }));
            Assert.That(StoredCount(node), Is.EqualTo(5u));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 5, reset cause CommandedWarmReset" }));
        }
    }

    [TestCase(ResetCause.CommandedWarmReset)]
    [TestCase(ResetCause.CommandedPowerCycle)]
    [TestCase(ResetCause.Watchdog)]
    [TestCase(ResetCause.Brownout)]
    public void Initialize_AfterAReset_ReportsItsCause(ResetCause cause)
    {
        using var node = TestNode.Boot();

        node.Hardware.RequestReset(cause, "test");
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(cause));
            Assert.That(node.Telemetry("RESET_CAUSE"), Is.EqualTo(cause));
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(2u));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { $"Boot 2, reset cause {cause}" }));
        }
    }

    [Test]
    public void Initialize_StoredCounterCorrupted_IsRefusedAndCountingRestarts()
    {
        using var node = TestNode.Boot();
        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "x");
        node.RunUntilBoot(2);
        node.Hardware.Store.TryRead(BootManager.BootCountRecord, out var record);
        record[5] ^= 0x80;
        node.Hardware.Store.Write(BootManager.BootCountRecord, record);

        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "x");
        node.RunUntilBoot(3);

        var invalid = node.EventsNamed("BOOT_COUNTER_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(1u));
            Assert.That(invalid, Has.Count.EqualTo(1));
            Assert.That((string)invalid[0]["reason"]!, Does.StartWith("CRC-32C mismatch"));
            Assert.That(StoredCount(node), Is.EqualTo(1u), "the counter is rewritten sound");
        }
    }

    [Test]
    public void Initialize_StoredCounterOfTheWrongLength_IsRefused()
    {
        using var node = new TestNode();
        node.Hardware.Store.Write(BootManager.BootCountRecord, CheckedRecord.Wrap(new byte[] { 7, 0 }));

        node.PowerOn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(1u));
            Assert.That(node.EventsNamed("BOOT_COUNTER_INVALID").Select(e => e.Message), Is.EqualTo(new[] { "Stored boot counter refused (payload is 2 bytes); counting from 0" }));
        }
    }

    [Test]
    public void Initialize_StoredCounterAtItsMaximum_IsRefusedInsteadOfOverflowing()
    {
        using var node = new TestNode();
        node.Hardware.Store.Write(BootManager.BootCountRecord, CheckedRecord.Wrap(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }));

        node.PowerOn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.IsRunning, Is.True, "the node boots");
            Assert.That(node.App.Boot.BootCount, Is.EqualTo(1u));
            Assert.That(node.EventsNamed("BOOT_COUNTER_INVALID").Select(e => e.Message), Is.EqualTo(new[] { "Stored boot counter refused (counter 4294967295 is at its maximum); counting from 0" }));
        }
    }

    [Test]
    public void Initialize_StoredCounterOneBelowItsMaximum_CountsOn()
    {
        using var node = new TestNode();
        node.Hardware.Store.Write(BootManager.BootCountRecord, CheckedRecord.Wrap(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF }));

        node.PowerOn();

        Assert.That(node.App.Boot.BootCount, Is.EqualTo(uint.MaxValue));
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
    public void NodeResetCommand_Reason_WarmResetsTheBoardWithIt()
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
        }
    }

    [Test]
    public void NodePowerCycleCommand_Reason_PowerCyclesTheBoard()
    {
        using var node = TestNode.Boot();
        var replies = new List<CommandResponse>();
        node.App.Commands.Submit(CommandRequest.Of("NODE_POWER_CYCLE", "latch-up"), replies.Add);
        node.RunForMilliseconds(100);
        var requested = node.EventsNamed("BOOT_RESET_REQUESTED");

        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replies, Is.EqualTo(new[] { new CommandResponse("NODE_POWER_CYCLE", CommandStatus.Completed, "power cycle pending") }));
            Assert.That(requested.Select(e => e.Message), Is.EqualTo(new[] { "power cycle requested: latch-up" }));
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.Reason)), Is.EqualTo(new[] { (ResetCause.CommandedPowerCycle, "latch-up") }));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedPowerCycle));
        }
    }
}
