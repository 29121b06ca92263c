using FlightSw.Core.Application;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Sim.Time;

namespace FlightSw.Core.Tests.Scheduling;

public class RateGroupSchedulerTests
{
    [Test]
    public void Start_OneSecond_RunsTenBaseTicksOnTheBaseRate()
    {
        var probe = new TestComponent();
        using var node = TestNode.Boot(app => app.Add(probe, RateGroupId.Rate10Hz));

        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Scheduler.Ticks, Is.EqualTo(10));
            Assert.That(node.Telemetry("SCHED_TICKS"), Is.EqualTo(10UL));
            Assert.That(probe.Cycles.Select(c => c.At - node.StartedAt), Is.EqualTo(
                Enumerable.Range(1, 10).Select(i => TimeSpan.FromMilliseconds(100 * i))), "every 100 ms from the start");
            Assert.That(node.App.Scheduler.Slips, Is.Zero);
        }
    }

    [Test]
    public void Tick_GroupsDueTogether_RunIn10Hz1Hz0_1HzOrder()
    {
        var order = new List<string>();
        var fast = new TestComponent("fast", 0x2000) { OnEachCycle = _ => order.Add("fast") };
        var medium = new TestComponent("medium", 0x2100) { OnEachCycle = _ => order.Add("medium") };
        var slow = new TestComponent("slow", 0x2200) { OnEachCycle = _ => order.Add("slow") };
        // Added slowest first: the order within a tick is the groups', not the components'.
        using var node = TestNode.Boot(app =>
        {
            app.Add(slow, RateGroupId.Rate0_1Hz);
            app.Add(medium, RateGroupId.Rate1Hz);
            app.Add(fast, RateGroupId.Rate10Hz);
        });

        node.RunForMilliseconds(300);

        Assert.That(order, Is.EqualTo(new[] { "fast", "medium", "slow", "fast", "fast" }));
    }

    [Test]
    public void Tick_ComponentsOfOneGroup_RunInTheOrderAdded()
    {
        var order = new List<string>();
        using var node = TestNode.Boot(app =>
        {
            app.Add(new TestComponent("second", 0x2100) { OnEachCycle = _ => order.Add("second") }, RateGroupId.Rate1Hz);
            app.Add(new TestComponent("first", 0x2000) { OnEachCycle = _ => order.Add("first") }, RateGroupId.Rate1Hz);
        });

        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order, Is.EqualTo(new[] { "second", "first", "second", "first" }));
            Assert.That(node.App.Scheduler.MembersOf(RateGroupId.Rate1Hz).Select(c => c.Name), Is.EqualTo(new[] { "boot", "second", "first", "health" }));
            Assert.That(node.App.Scheduler.MembersOf(RateGroupId.Rate10Hz).Select(c => c.Name), Is.EqualTo(new[] { "commands" }));
        }
    }

    [Test]
    public void CyclesOf_After100Seconds_AreExactly10To1And100To1()
    {
        var fast = new TestComponent("fast", 0x2000);
        var medium = new TestComponent("medium", 0x2100);
        var slow = new TestComponent("slow", 0x2200);
        using var node = TestNode.Boot(app =>
        {
            app.Add(fast, RateGroupId.Rate10Hz);
            app.Add(medium, RateGroupId.Rate1Hz);
            app.Add(slow, RateGroupId.Rate0_1Hz);
        });

        node.RunFor(TimeSpan.FromSeconds(100));

        var scheduler = node.App.Scheduler;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scheduler.CyclesOf(RateGroupId.Rate10Hz), Is.EqualTo(1000));
            Assert.That(scheduler.CyclesOf(RateGroupId.Rate1Hz), Is.EqualTo(100));
            Assert.That(scheduler.CyclesOf(RateGroupId.Rate0_1Hz), Is.EqualTo(10));
            Assert.That(fast.Cycles, Has.Count.EqualTo(1000));
            Assert.That(medium.Cycles, Has.Count.EqualTo(100));
            Assert.That(slow.Cycles, Has.Count.EqualTo(10));
            Assert.That(scheduler.Slips, Is.Zero);
        }
    }

    [Test]
    public void Tick_EachGroup_NumbersItsCyclesFromZeroAndHandsItsPeriod()
    {
        var medium = new TestComponent("medium", 0x2100);
        var slow = new TestComponent("slow", 0x2200);
        using var node = TestNode.Boot(app =>
        {
            app.Add(medium, RateGroupId.Rate1Hz);
            app.Add(slow, RateGroupId.Rate0_1Hz);
        });

        node.RunFor(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(medium.Cycles.Select(c => c.Cycle.Index), Is.EqualTo(Enumerable.Range(0, 30).Select(i => (long)i)));
            Assert.That(medium.Cycles.Select(c => c.Cycle.Period).Distinct(), Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
            Assert.That(slow.Cycles.Select(c => c.Cycle), Is.EqualTo(new[]
            {
                new RateGroupCycle(RateGroupId.Rate0_1Hz, 0, TimeSpan.FromSeconds(10)),
                new RateGroupCycle(RateGroupId.Rate0_1Hz, 1, TimeSpan.FromSeconds(10)),
                new RateGroupCycle(RateGroupId.Rate0_1Hz, 2, TimeSpan.FromSeconds(10)),
            }));
            Assert.That(slow.Cycles.Select(c => c.At - node.StartedAt), Is.EqualTo(new[]
            {
                TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(10.1), TimeSpan.FromSeconds(20.1),
            }));
        }
    }

    [Test]
    public void Tick_ComponentInTwoGroups_RunsInBoth()
    {
        var both = new TestComponent();
        using var node = TestNode.Boot(app => app.Add(both, RateGroupId.Rate10Hz, RateGroupId.Rate1Hz, RateGroupId.Rate10Hz));

        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(both.RateGroups, Is.EqualTo(new[] { RateGroupId.Rate10Hz, RateGroupId.Rate1Hz }), "a group named twice counts once");
            Assert.That(both.Cycles.Count(c => c.Cycle.Group == RateGroupId.Rate10Hz), Is.EqualTo(20));
            Assert.That(both.Cycles.Count(c => c.Cycle.Group == RateGroupId.Rate1Hz), Is.EqualTo(2));
        }
    }

    [Test]
    public void Tick_CustomBasePeriod_TicksAtThatRate()
    {
        var medium = new TestComponent();
        var options = new FlightApplicationOptions { Scheduler = new SchedulerOptions { BasePeriod = TimeSpan.FromMilliseconds(50) } };
        using var node = TestNode.Boot(app => app.Add(medium, RateGroupId.Rate1Hz), options);

        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Scheduler.Ticks, Is.EqualTo(40));
            Assert.That(medium.Cycles.Select(c => c.At - node.StartedAt), Is.EqualTo(new[]
            {
                TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(550), TimeSpan.FromMilliseconds(1050), TimeSpan.FromMilliseconds(1550),
            }));
        }
    }

    [Test]
    public void RunGroup_CycleTakes140MsOfIts100MsPeriod_CountsOneSlipRaisesSchedOverrunAndRunsTheNextCycleLate()
    {
        var clock = new VirtualClock();
        var busy = new BusyComponent(clock, TimeSpan.FromMilliseconds(140), busyCycle: 2);
        using var node = TestNode.Boot(app => app.Add(busy, RateGroupId.Rate10Hz), clock: clock);

        node.RunFor(TimeSpan.FromSeconds(1));

        var overruns = node.EventsNamed("SCHED_OVERRUN");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(overruns.Select(e => e.Message), Is.EqualTo(new[] { "Rate group Rate10Hz took 140 ms of its 100 ms period" }));
            Assert.That(overruns[0]["group"], Is.EqualTo(RateGroupId.Rate10Hz));
            Assert.That(overruns[0]["elapsedMs"], Is.EqualTo(140.0));
            Assert.That(overruns[0]["periodMs"], Is.EqualTo(100.0));
            Assert.That(node.App.Scheduler.Slips, Is.EqualTo(1));
            Assert.That(node.Telemetry("SCHED_SLIPS"), Is.EqualTo(1u));
            Assert.That(node.EventsNamed("SCHED_MISSED_TICKS"), Is.Empty);
            Assert.That(busy.CycleStarts.Select(t => (t - node.StartedAt).TotalMilliseconds), Is.EqualTo(new[]
            {
                100, 200, 300, 440, 500, 600, 700, 800, 900, 1000,
            }), "the cycle after the overrun starts 40 ms late; none is lost");
        }
    }

    [Test]
    public void RunGroup_CycleTakes150MsOfIts100MsPeriod_CountsTheOverrunAndRunsTheNextCycleLate()
    {
        // The executive wakes half a period late: the next slot runs late, none is skipped,
        // and no slot ever runs early.
        var clock = new VirtualClock();
        var busy = new BusyComponent(clock, TimeSpan.FromMilliseconds(150), busyCycle: 2);
        using var node = TestNode.Boot(app => app.Add(busy, RateGroupId.Rate10Hz), clock: clock);

        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("SCHED_OVERRUN").Select(e => e.Message), Is.EqualTo(new[] { "Rate group Rate10Hz took 150 ms of its 100 ms period" }));
            Assert.That(node.EventsNamed("SCHED_MISSED_TICKS"), Is.Empty);
            Assert.That(node.App.Scheduler.Slips, Is.EqualTo(1));
            Assert.That(node.Telemetry("SCHED_SLIPS"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("SCHED_TICK_MS"), Is.EqualTo(0.0), "the last tick took no CPU time");
            Assert.That(busy.CycleIndices, Is.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
            Assert.That(node.App.Scheduler.CyclesOf(RateGroupId.Rate10Hz), Is.EqualTo(10));
        }
    }

    [Test]
    public void RunTick_CycleTakes450Ms_RaisesSchedMissedTicksForTheThreeSlotsItSpanned()
    {
        var clock = new VirtualClock();
        var busy = new BusyComponent(clock, TimeSpan.FromMilliseconds(450), busyCycle: 3);
        using var node = TestNode.Boot(app => app.Add(busy, RateGroupId.Rate10Hz), clock: clock);

        node.RunFor(TimeSpan.FromSeconds(2));

        var missed = node.EventsNamed("SCHED_MISSED_TICKS");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("SCHED_OVERRUN").Select(e => e.Message), Is.EqualTo(new[] { "Rate group Rate10Hz took 450 ms of its 100 ms period" }));
            Assert.That(missed.Select(e => e.Message), Is.EqualTo(new[] { "3 base ticks missed; the executive ran 350 ms late" }));
            Assert.That(missed[0]["missed"], Is.EqualTo(3L));
            Assert.That(node.App.Scheduler.Slips, Is.EqualTo(4), "one overrun and three missed ticks");
            Assert.That(node.Telemetry("SCHED_SLIPS"), Is.EqualTo(4u));
        }
    }

    [Test]
    public void RunTick_CatchUpBurstOfLateTimerFirings_RunsNoExtraCycles()
    {
        var clock = new VirtualClock();
        var busy = new BusyComponent(clock, TimeSpan.FromMilliseconds(450), busyCycle: 3);
        using var node = TestNode.Boot(app => app.Add(busy, RateGroupId.Rate10Hz), clock: clock);

        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            // Slots 4 to 6 were missed; the four late firings at 850 ms ran slot 7 once between them.
            Assert.That(busy.CycleStarts.Select(t => (t - node.StartedAt).TotalMilliseconds), Is.EqualTo(new double[]
            {
                100, 200, 300, 400, 850, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000,
            }));
            Assert.That(busy.CycleIndices, Is.EqualTo(Enumerable.Range(0, 17).Select(i => (long)i)), "cycles are numbered as run");
            Assert.That(node.App.Scheduler.CyclesOf(RateGroupId.Rate10Hz), Is.EqualTo(17));
            Assert.That(node.App.Scheduler.Ticks, Is.EqualTo(17), "base ticks run; the missed ones are slips");
            Assert.That(node.App.Scheduler.CyclesOf(RateGroupId.Rate1Hz), Is.EqualTo(2), "the 1 Hz slots 0 and 10 were not among those missed");
        }
    }

    [Test]
    public void Tick_WhileThePreviousTickIsStillRunning_IsLostAndCountedAsOneMissedTick()
    {
        var probe = new TestComponent();
        probe.OnEachCycle = cycle =>
        {
            if (cycle.Index == 1)
            {
                // Another thread's timer firing arrives while this tick holds the executive.
                var scheduler = (RateGroupScheduler)probe.ContextForTest.Components["scheduler"];
                var other = new Thread(scheduler.Tick);
                other.Start();
                other.Join();
            }
        };
        using var node = TestNode.Boot(app => app.Add(probe, RateGroupId.Rate10Hz));

        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("SCHED_MISSED_TICKS").Select(e => e.Message), Is.EqualTo(new[] { "1 base ticks missed; the executive ran 100 ms late" }));
            Assert.That(node.App.Scheduler.Slips, Is.EqualTo(1));
            Assert.That(probe.Cycles, Has.Count.EqualTo(10), "the lost firing did not disturb the schedule");
        }
    }

    [Test]
    public void RunGroup_ComponentThrows_IsReportedAndTheOthersStillRun()
    {
        var faulty = new FaultyComponent();
        var after = new TestComponent("after", 0x2000);
        var medium = new TestComponent("medium", 0x2100);
        using var node = TestNode.Boot(app =>
        {
            app.Add(faulty, RateGroupId.Rate10Hz);
            app.Add(after, RateGroupId.Rate10Hz);
            app.Add(medium, RateGroupId.Rate1Hz);
        });

        node.RunFor(TimeSpan.FromSeconds(1));

        var faults = node.EventsNamed("SCHED_COMPONENT_FAULT");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(faults, Has.Count.EqualTo(10), "one report per failed cycle");
            Assert.That(faults[0].Message, Is.EqualTo("Component faulty failed in Rate10Hz: InvalidOperationException: boom in cycle 0"));
            Assert.That(faults[0]["component"], Is.EqualTo("faulty"));
            Assert.That(faults[0]["group"], Is.EqualTo(RateGroupId.Rate10Hz));
            Assert.That(faults[0].Severity, Is.EqualTo(EventSeverity.WarningHigh));
            Assert.That(faulty.Attempts, Is.EqualTo(10));
            Assert.That(after.Cycles, Has.Count.EqualTo(10), "the component after the faulty one still ran every cycle");
            Assert.That(medium.Cycles, Has.Count.EqualTo(1));
            Assert.That(node.App.Scheduler.Ticks, Is.EqualTo(10));
            Assert.That(node.App.Scheduler.Slips, Is.Zero);
        }
    }

    [Test]
    public void RunGroup_DisabledComponent_IsNoLongerRunAndTheOthersAre()
    {
        var disabled = new TestComponent("disabled", 0x2000);
        var other = new TestComponent("other", 0x2100);
        using var node = TestNode.Boot(app =>
        {
            app.Add(disabled, RateGroupId.Rate10Hz, RateGroupId.Rate1Hz);
            app.Add(other, RateGroupId.Rate10Hz);
        });
        node.RunFor(TimeSpan.FromSeconds(1));

        disabled.Disable();
        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(disabled.Cycles, Has.Count.EqualTo(10 + 1), "the cycles of its first second, in both groups");
            Assert.That(other.Cycles, Has.Count.EqualTo(30));
            Assert.That(node.EventsNamed("SCHED_COMPONENT_FAULT"), Is.Empty);
            Assert.That(node.App.Scheduler.MembersOf(RateGroupId.Rate10Hz), Does.Contain(disabled), "still a member, only not run");
        }
    }

    [Test]
    public void RunGroup_RestartedComponent_RunsAgain()
    {
        var probe = new TestComponent();
        using var node = TestNode.Boot(app => app.Add(probe, RateGroupId.Rate10Hz));
        probe.InjectHang();
        node.RunFor(TimeSpan.FromSeconds(1));

        probe.Restart();
        node.RunFor(TimeSpan.FromSeconds(1));

        Assert.That(probe.Cycles, Has.Count.EqualTo(10));
    }

    [Test]
    public void Stop_RunningScheduler_NoMoreTicks()
    {
        var probe = new TestComponent();
        using var node = TestNode.Boot(app => app.Add(probe, RateGroupId.Rate10Hz));
        node.RunFor(TimeSpan.FromSeconds(1));

        node.App.Stop();
        node.RunFor(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Scheduler.Ticks, Is.EqualTo(10));
            Assert.That(probe.Cycles, Has.Count.EqualTo(10));
            Assert.That(node.App.Scheduler.State, Is.EqualTo(ComponentState.Stopped));
        }
    }

    [Test]
    public void Schedule_AfterTheSchedulerStarted_ThrowsInvalidOperation()
    {
        using var node = TestNode.Boot();

        Assert.That(
            () => node.App.Scheduler.Schedule(new TestComponent(), RateGroupId.Rate10Hz),
            Throws.InvalidOperationException.With.Message.EqualTo("Components are scheduled before the application starts."));
    }
}
