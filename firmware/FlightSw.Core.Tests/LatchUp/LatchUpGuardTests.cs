using System.Buffers.Binary;
using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.LatchUp;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Core.Tests.Power;
using FlightSw.Hal;
using FlightSw.Sim.Devices;
using FlightSw.Sim.Environment.Power;

namespace FlightSw.Core.Tests.LatchUp;

public class LatchUpGuardTests
{
    private const double BusVolts = 8.0;
    private const double IdleAmps = 0.5; // 4 W at 8 V: the guard's limit is 1.0 A
    private const double LatchedAmps = 2.0;
    private const int PowerMonitorAddress = 0x40;

    private static readonly LoadSpec Load = new();

    /// <summary>
    /// A node with the guard at 10 Hz on an 8 V bus drawing the idle load; a power cycle clears a
    /// latch-up (the supply current returns to idle). <paramref name="probe"/>, when given, runs in
    /// the 10 Hz group just before the guard, with the node and the cycle, to set the supply for
    /// exactly the reading that follows.
    /// </summary>
    private static TestNode Node(Action<TestNode, RateGroupCycle>? probe = null, Action<FlightApplication>? more = null)
    {
        TestNode? node = null;
        node = new TestNode(app =>
        {
            if (probe is not null)
            {
                app.Add(new TestComponent { OnEachCycle = cycle => probe(node!, cycle) }, RateGroupId.Rate10Hz);
            }

            more?.Invoke(app);
            app.Add(new LatchUpGuard(), RateGroupId.Rate10Hz);
        });
        node.Hardware.Environment.BusVolts = BusVolts;
        node.Hardware.Environment.CurrentAmps = IdleAmps;
        node.Hardware.BootEnded += (_, record) =>
        {
            if (record.Cause == ResetCause.CommandedPowerCycle)
            {
                node.Hardware.Environment.CurrentAmps = IdleAmps;
            }
        };
        node.PowerOn();
        return node;
    }

    /// <summary>Makes the supply current follow the running jobs as the simulator's load model does.</summary>
    private static void DrawJobLoad(TestNode node) =>
        node.Board.Jobs.Changed += running => node.Hardware.Environment.CurrentAmps = Load.WattsFor(true, running) / BusVolts;

    private const string CopyA = LatchUpGuard.CountRecord + ".a";
    private const string CopyB = LatchUpGuard.CountRecord + ".b";

    /// <summary>The count as the guard reads it: the newest sound copy.</summary>
    private static uint? StoredCount(TestNode node) =>
        new DurableRecordStore(node.Hardware.Store).TryRead(LatchUpGuard.CountRecord, out var payload) ? BinaryPrimitives.ReadUInt32LittleEndian(payload) : null;

    /// <summary>The count in each copy of the record (null where it is missing or unsound).</summary>
    private static uint?[] CopyCounts(TestNode node) =>
        [.. new[] { CopyA, CopyB }.Select(key => node.Hardware.Store.TryRead(key, out var bytes) && DurableCopy.TryDecode(bytes, out var copy, out _)
            ? BinaryPrimitives.ReadUInt32LittleEndian(copy.Payload)
            : (uint?)null)];

    private static byte[] Count(uint count)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, count);
        return payload;
    }

    private static void Corrupt(SimPersistentStore store, string key)
    {
        store.TryRead(key, out var bytes);
        bytes[^1] ^= 0x10;
        store.Write(key, bytes);
    }

    private static LatchUpGuard Guard(TestNode node) => (LatchUpGuard)node.App.FindComponent(LatchUpGuard.ComponentName)!;

    [Test]
    public void OnCycle_LatchUpStep_PowerCyclesWithinASecondAfterStoringTheCount()
    {
        using var node = Node();
        uint? storedWhenTheBootEnded = null;
        node.Hardware.BootEnded += (_, _) => storedWhenTheBootEnded = StoredCount(node);
        node.RunFor(TimeSpan.FromSeconds(3));
        var firstBoot = node.App;

        var stepAt = node.Clock.Elapsed;
        node.Hardware.Environment.CurrentAmps = LatchedAmps;
        node.RunFor(TimeSpan.FromSeconds(1));

        var detected = firstBoot.Events.Snapshot().Where(e => e.Name == "LATCHUP_DETECTED").ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }));
            Assert.That(node.Hardware.Resets[0].At - stepAt, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(node.Hardware.Resets[0].Reason, Is.EqualTo("latch-up 1: 2 A over limit 1 A"));
            Assert.That(storedWhenTheBootEnded, Is.EqualTo(1u), "the count is stored before the power goes");
            Assert.That(detected, Has.Length.EqualTo(1));
            Assert.That((double)detected[0]["amps"]!, Is.EqualTo(LatchedAmps).Within(0.001));
            Assert.That((double)detected[0]["limit"]!, Is.EqualTo(1.0).Within(0.001));
            Assert.That(detected[0]["count"], Is.EqualTo(1u));
        }
    }

    [Test]
    public void Initialize_AfterLatchUpsAndResets_CountOnlyGrows()
    {
        using var node = Node();
        var counts = new List<uint>();

        for (int latchUp = 1; latchUp <= 3; latchUp++)
        {
            node.RunFor(TimeSpan.FromSeconds(2));
            node.Hardware.Environment.CurrentAmps = LatchedAmps;
            node.RunUntilBoot(node.Boots.Count + 1);
            counts.Add(Guard(node).Count);
        }

        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        node.RunUntilBoot(node.Boots.Count + 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts, Is.EqualTo(new uint[] { 1, 2, 3 }));
            Assert.That(node.Telemetry("LATCHUP_COUNT"), Is.EqualTo(3u), "a warm reset counts nothing");
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
            Assert.That(CopyCounts(node), Is.EqualTo(new uint?[] { 3, 3 }), "both copies hold the count");
            Assert.That(node.Hardware.Resets.Count(r => r.Cause == ResetCause.CommandedPowerCycle), Is.EqualTo(3));
        }
    }

    [Test]
    public void OnCycle_OneNoisySample_DoesNotPowerCycle()
    {
        using var node = Node((n, cycle) => n.Hardware.Environment.CurrentAmps = cycle.Index == 30 ? LatchedAmps : IdleAmps);

        node.RunFor(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets, Is.Empty);
            Assert.That(node.Telemetry("LATCHUP_OVER_LIMIT"), Is.EqualTo(1u), "the sample was seen");
            Assert.That(node.EventsNamed("LATCHUP_DETECTED"), Is.Empty);
        }
    }

    [Test]
    public void OnCycle_TwoOverLimitSamplesApart_DoNotPowerCycle()
    {
        using var node = Node((n, cycle) => n.Hardware.Environment.CurrentAmps = cycle.Index is 30 or 32 ? LatchedAmps : IdleAmps);

        node.RunFor(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets, Is.Empty);
            Assert.That(node.Telemetry("LATCHUP_OVER_LIMIT"), Is.EqualTo(2u));
        }
    }

    [Test]
    public void OnCycle_TwoConsecutiveOverLimitSamples_PowerCycle()
    {
        using var node = Node((n, cycle) => n.Hardware.Environment.CurrentAmps = n.Boots.Count == 1 && cycle.Index is 30 or 31 ? LatchedAmps : IdleAmps);

        node.RunFor(TimeSpan.FromSeconds(10));

        Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }));
    }

    [Test]
    public void OnCycle_JobsStartingWithTheirLoad_DoNotPowerCycle()
    {
        using var node = Node();
        DrawJobLoad(node);
        var jobs = new List<IDisposable>();

        for (int i = 0; i < 3; i++)
        {
            node.RunFor(TimeSpan.FromSeconds(2));
            jobs.Add(node.Board.Workload.BeginJob($"job{i}"));
        }

        node.RunFor(TimeSpan.FromSeconds(5));
        double amps = node.Hardware.Environment.CurrentAmps;
        jobs.ForEach(job => job.Dispose());
        node.RunFor(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(amps, Is.EqualTo(13.0 / BusVolts).Within(1e-9), "three jobs draw 4 + 3 + 3 x 2 W");
            Assert.That(node.Hardware.Resets, Is.Empty);
            Assert.That(node.Telemetry("LATCHUP_OVER_LIMIT"), Is.EqualTo(0u));
        }
    }

    [Test]
    public void OnCycle_TheCurrentOfAJobWithoutAJob_PowerCycles()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(2));

        node.Hardware.Environment.CurrentAmps = Load.WattsFor(true, 1) / BusVolts;
        node.RunFor(TimeSpan.FromSeconds(1));

        Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }));
    }

    [Test]
    public void OnCycle_JobEndedButItsCurrentLingersTwoReadings_DoesNotPowerCycle()
    {
        var jobs = new List<IDisposable>();
        var jobCounts = new List<int>();
        using var node = Node((n, cycle) =>
        {
            switch (cycle.Index)
            {
                case 0:
                    n.Board.Jobs.Changed += jobCounts.Add;
                    break;
                case 20:
                    jobs.Add(n.Board.Workload.BeginJob("a"));
                    jobs.Add(n.Board.Workload.BeginJob("b"));
                    n.Hardware.Environment.CurrentAmps = Load.WattsFor(true, 2) / BusVolts;
                    break;
                case 40:
                    jobs.ForEach(job => job.Dispose()); // the current stays up for this reading and the next
                    break;
                case 42:
                    n.Hardware.Environment.CurrentAmps = IdleAmps;
                    break;
            }
        });

        node.RunFor(TimeSpan.FromSeconds(8));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jobCounts, Is.EqualTo(new[] { 1, 2, 1, 0 }));
            Assert.That(node.Hardware.Resets, Is.Empty);
            Assert.That(node.Telemetry("LATCHUP_OVER_LIMIT"), Is.EqualTo(1u), "only the second reading of the tail is over the idle limit");
        }
    }

    [Test]
    public void OnCycle_PayloadJobStartedThroughThePowerManager_DoesNotPowerCycle()
    {
        using var node = Node(more: app =>
        {
            app.Add(new PowerManager(), RateGroupId.Rate1Hz);
            app.Add(new Core.PayloadDuty.PayloadDuty(), RateGroupId.Rate1Hz);
        });
        BatterySupply.Set(node, 0.8, IdleAmps);
        DrawJobLoad(node);
        node.RunFor(TimeSpan.FromSeconds(3));

        var run = node.App.Commands.Execute(CommandRequest.Of("PAYLOAD_RUN"));
        node.RunFor(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Succeeded, Is.True, run.Message);
            Assert.That(node.Board.Workload.RunningJobs, Is.EqualTo(1));
            Assert.That(node.Hardware.Environment.CurrentAmps, Is.GreaterThan(1.0), "the job draws more than the idle limit allows");
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_CurrentBeyondTheMonitorsRange_PowerCycles()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(2));

        node.Hardware.Environment.CurrentAmps = 5.0; // 0.5 V across the 0.1 ohm shunt: beyond the INA219's 0.32 V
        node.RunFor(TimeSpan.FromSeconds(1));

        var detected = node.Boots[0].Events.Snapshot().Single(e => e.Name == "LATCHUP_DETECTED");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }));
            Assert.That(detected["amps"], Is.EqualTo(double.PositiveInfinity));
        }
    }

    [Test]
    public void OnCycle_PowerMonitorStopsAnswering_ReportsOnceAndNeverPowerCycles()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(1));

        node.Hardware.I2cBuses[1].Detach(PowerMonitorAddress);
        node.RunFor(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets, Is.Empty);
            Assert.That(node.EventsNamed("LATCHUP_SENSOR_FAILED"), Has.Count.EqualTo(1));
            Assert.That(node.App.Health.Unresponsive, Is.Empty);
        }
    }

    [Test]
    public void Initialize_NewestCopyCorrupt_CountsOnFromTheOtherCopyReportsItAndRepairs()
    {
        using var node = new TestNode(app => app.Add(new LatchUpGuard(), RateGroupId.Rate10Hz));
        node.PrepareStore((records, store) =>
        {
            records.Write(LatchUpGuard.CountRecord, Count(7));
            records.Write(LatchUpGuard.CountRecord, Count(7));
            Corrupt(store, CopyB);
        });

        node.PowerOn();

        var invalid = node.EventsNamed("LATCHUP_COUNT_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Guard(node).Count, Is.EqualTo(7u));
            Assert.That(invalid, Has.Count.EqualTo(1));
            Assert.That(invalid[0]["record"], Is.EqualTo(LatchUpGuard.CountRecord));
            Assert.That((string)invalid[0]["reason"]!, Does.StartWith("latchup.count.b: CRC-32C mismatch"));
            Assert.That(CopyCounts(node), Is.EqualTo(new uint?[] { 7, 7 }), "rewritten sound");
        }
    }

    [Test]
    public void Initialize_CountWriteTornByAPowerLoss_CountsOnFromTheLastStoredCountAndReportsTheTornCopy()
    {
        using var node = new TestNode(app => app.Add(new LatchUpGuard(), RateGroupId.Rate10Hz));
        node.PrepareStore((records, store) =>
        {
            records.Write(LatchUpGuard.CountRecord, Count(7));
            records.Write(LatchUpGuard.CountRecord, Count(7));
            store.ArmPowerLoss(keepBytes: 12);
            records.Write(LatchUpGuard.CountRecord, Count(8)); // into copy A; copy B keeps 7
        });

        node.PowerOn();

        var invalid = node.EventsNamed("LATCHUP_COUNT_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Guard(node).Count, Is.EqualTo(7u));
            Assert.That(invalid.Select(e => ((string)e["reason"]!)[..17]), Is.EqualTo(new[] { "latchup.count.a: " }));
            Assert.That(CopyCounts(node), Is.EqualTo(new uint?[] { 7, 7 }));
        }
    }

    [Test]
    public void OnCycle_LatchUp_WritesTheCountIntoBothCopies()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(2));

        node.Hardware.Environment.CurrentAmps = LatchedAmps;
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(CopyCounts(node), Is.EqualTo(new uint?[] { 1, 1 }));
            Assert.That(node.EventsNamed("LATCHUP_COUNT_INVALID"), Is.Empty);
        }
    }

    [Test]
    public void Initialize_BothCopiesCorrupt_ReportsBothAndCountsFromZero()
    {
        using var node = new TestNode(app => app.Add(new LatchUpGuard(), RateGroupId.Rate10Hz));
        node.PrepareStore((records, store) =>
        {
            records.Write(LatchUpGuard.CountRecord, Count(7));
            Corrupt(store, CopyA);
            store.Write(CopyB, [1, 2]);
        });

        node.PowerOn();

        var invalid = node.EventsNamed("LATCHUP_COUNT_INVALID");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Guard(node).Count, Is.Zero);
            Assert.That(invalid.Select(e => e["record"]), Is.EqualTo(new[] { LatchUpGuard.CountRecord, LatchUpGuard.CountRecord }));
            Assert.That(invalid.Select(e => ((string)e["reason"]!)[..17]), Is.EqualTo(new[] { "latchup.count.a: ", "latchup.count.b: " }));
            Assert.That(CopyCounts(node), Is.EqualTo(new uint?[] { 0, 0 }));
        }
    }

    [TestCase(0, 8.0, 1.0)]
    [TestCase(1, 8.0, 1.625)]
    [TestCase(2, 8.0, 1.875)]
    [TestCase(0, 5.0, 1.3)]
    [TestCase(0, 0.0, 4.5)]
    public void LimitAt_DefaultParameters_IsExpectedLoadOverBusVoltsPlusMargin(int jobs, double volts, double limit)
    {
        Assert.That(new LatchUpGuard().LimitAt(jobs, volts), Is.EqualTo(limit).Within(1e-12));
    }

    [Test]
    public void Constructor_Declares_ItsParametersWithTheirDefaults()
    {
        using var node = Node();

        var expected = new Dictionary<string, string>
        {
            ["LATCHUP_IDLE_W"] = "4", ["LATCHUP_BUSY_W"] = "3", ["LATCHUP_JOB_W"] = "2", ["LATCHUP_MARGIN_A"] = "0.5", ["LATCHUP_SAMPLES"] = "2",
        };
        Assert.That(expected.ToDictionary(p => p.Key, p => node.App.Parameters.Find(p.Key)?.ValueText), Is.EqualTo(expected));
    }
}
