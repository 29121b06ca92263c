using FlightSw.Core.Commands;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal.Power;

namespace FlightSw.Core.Tests.Power;

public class PowerManagerTests
{
    private const int PowerMonitorAddress = 0x40;

    private static TestNode Node(double stateOfCharge, double amps = 0.5)
    {
        var node = new TestNode(app => app.Add(new PowerManager(), RateGroupId.Rate1Hz));
        BatterySupply.Set(node, stateOfCharge, amps);
        node.PowerOn();
        return node;
    }

    private static PowerManager Power(TestNode node) => (PowerManager)node.App.FindComponent(PowerManager.ComponentName)!;

    private static double Soc(TestNode node) => (double)node.Telemetry("POWER_SOC")!;

    private static (PowerMode From, PowerMode To, double Soc)[] Changes(TestNode node) =>
        node.EventsNamed("POWER_MODE_CHANGED").Select(e => ((PowerMode)e["from"]!, (PowerMode)e["to"]!, (double)e["soc"]!)).ToArray();

    private static CommandResponse Command(TestNode node, string name, params string[] arguments) =>
        node.App.Commands.Execute(CommandRequest.Of(name, arguments));

    [Test]
    public void OnCycle_SteadyBatteryUnderLoad_EstimatesTheChargeFromTheCurveAtTheOpenCircuitVoltage()
    {
        using var node = Node(0.75, amps: 1.5);

        node.RunFor(TimeSpan.FromSeconds(5));

        double bus = BatterySupply.BusVoltsAt(0.75, 1.5);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Soc(node), Is.EqualTo(0.75).Within(0.005));
            Assert.That(BatteryCurve.LithiumIon(2).StateOfChargeAt(bus), Is.LessThan(0.70), "without the sag correction the estimate would be this far off");
            Assert.That((double)node.Telemetry("POWER_BUS_V")!, Is.EqualTo(bus).Within(0.004));
            Assert.That((double)node.Telemetry("POWER_CURRENT_A")!, Is.EqualTo(1.5).Within(0.001));
            Assert.That(node.Telemetry("POWER_MODE"), Is.EqualTo(PowerMode.Nominal));
        }
    }

    [Test]
    public void OnCycle_FirstReading_SeedsTheEstimateInsteadOfRampingFromZero()
    {
        using var node = Node(0.8);

        node.RunForMilliseconds(200);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Telemetry.Find("POWER_SOC")!.UpdateCount, Is.EqualTo(1));
            Assert.That(Soc(node), Is.EqualTo(0.8).Within(0.005));
            Assert.That(Changes(node), Is.Empty);
        }
    }

    [Test]
    public void OnCycle_ChargeSteps_EstimateFollowsWithTheSmoothingTimeConstant()
    {
        using var node = Node(0.9);
        node.RunFor(TimeSpan.FromSeconds(2));

        BatterySupply.Set(node, 0.7);
        node.RunFor(TimeSpan.FromSeconds(1));
        double afterOneSecond = Soc(node);
        node.RunFor(TimeSpan.FromSeconds(29));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterOneSecond, Is.GreaterThan(0.89), "one reading moves the average by 1/30 of the step");
            Assert.That(Soc(node), Is.EqualTo(0.7 + (0.2 / Math.E)).Within(0.005));
        }
    }

    [Test]
    public void OnCycle_BatteryDrainsAndRecharges_WalksDownAndUpTheLadderPastEachThreshold()
    {
        using var node = Node(0.8);

        BatterySupply.Ramp(node, 0.8, 0.05, 0.005, TimeSpan.FromSeconds(5));
        var modeAtBottom = Power(node).Mode;
        BatterySupply.Ramp(node, 0.05, 0.9, 0.005, TimeSpan.FromSeconds(5));

        var changes = Changes(node);
        var thresholds = new PowerThresholds();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(modeAtBottom, Is.EqualTo(PowerMode.Survival));
            Assert.That(changes.Select(c => (c.From, c.To)), Is.EqualTo(new[]
            {
                (PowerMode.Nominal, PowerMode.PowerSave), (PowerMode.PowerSave, PowerMode.Safe), (PowerMode.Safe, PowerMode.Survival),
                (PowerMode.Survival, PowerMode.Safe), (PowerMode.Safe, PowerMode.PowerSave), (PowerMode.PowerSave, PowerMode.Nominal),
            }));
            foreach (var (from, to, soc) in changes)
            {
                Assert.That(soc, to > from ? Is.LessThan(thresholds.EnterOf(to)) : Is.GreaterThan(thresholds.LeaveOf(from)), $"{from} -> {to}");
            }

            Assert.That(node.Telemetry("POWER_MODE_CHANGES"), Is.EqualTo(6u));
            Assert.That(Power(node).Mode, Is.EqualTo(PowerMode.Nominal));
        }
    }

    [Test]
    public void OnCycle_ChargeHoveringAroundTheEnterThreshold_ChangesTheModeOnce()
    {
        using var node = Node(0.7);
        node.RunFor(TimeSpan.FromSeconds(2));

        for (int i = 0; i < 60; i++)
        {
            BatterySupply.Set(node, i % 2 == 0 ? 0.47 : 0.53);
            node.RunFor(TimeSpan.FromSeconds(10));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Changes(node).Select(c => c.To), Is.EqualTo(new[] { PowerMode.PowerSave }));
            Assert.That(Power(node).Mode, Is.EqualTo(PowerMode.PowerSave));
        }
    }

    [Test]
    public void OnCycle_ChargeWanderingBetweenEnterAndLeave_KeepsTheMode()
    {
        using var node = Node(0.45);
        node.RunFor(TimeSpan.FromSeconds(2));

        for (int i = 0; i < 60; i++)
        {
            BatterySupply.Set(node, i % 2 == 0 ? 0.52 : 0.59);
            node.RunFor(TimeSpan.FromSeconds(10));
        }

        var stillInPowerSave = Power(node).Mode;
        BatterySupply.Set(node, 0.65);
        node.RunFor(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillInPowerSave, Is.EqualTo(PowerMode.PowerSave));
            Assert.That(Changes(node).Select(c => c.To), Is.EqualTo(new[] { PowerMode.PowerSave, PowerMode.Nominal }));
        }
    }

    [Test]
    public void OnCycle_BootOnANearlyFlatBattery_GoesStraightToSurvival()
    {
        using var node = Node(0.10);

        node.RunFor(TimeSpan.FromSeconds(1));

        var changed = node.EventsNamed("POWER_MODE_CHANGED");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Changes(node).Select(c => (c.From, c.To)), Is.EqualTo(new[] { (PowerMode.Nominal, PowerMode.Survival) }));
            Assert.That(changed[0]["reason"], Is.EqualTo("state of charge below 0.15"));
            Assert.That(Power(node).CadenceDivisor, Is.EqualTo(10));
            Assert.That(Power(node).AllowsHeavyJobs, Is.False);
        }
    }

    [TestCase(PowerMode.Nominal, 1)]
    [TestCase(PowerMode.PowerSave, 2)]
    [TestCase(PowerMode.Safe, 10)]
    [TestCase(PowerMode.Survival, 10)]
    public void CadenceDivisorOf_EachMode_IsTheRateDivisor(PowerMode mode, int divisor)
    {
        Assert.That(PowerManager.CadenceDivisorOf(mode), Is.EqualTo(divisor));
    }

    [Test]
    public void Stretch_InPowerSave_DoublesThePeriod()
    {
        using var node = Node(0.45);
        node.RunFor(TimeSpan.FromSeconds(1));

        Assert.That(Power(node).Stretch(TimeSpan.FromSeconds(5)), Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void TryBeginHeavyJob_InNominal_OpensAWorkloadJobUntilDisposed()
    {
        using var node = Node(0.8);
        node.RunFor(TimeSpan.FromSeconds(1));
        var power = Power(node);
        var jobCounts = new List<int>();
        node.Board.Jobs.Changed += jobCounts.Add;

        var job = power.TryBeginHeavyJob("inference");
        int runningWhileOpen = node.Board.Workload.RunningJobs;
        int heavyWhileOpen = power.HeavyJobsRunning;
        job?.Dispose();
        job?.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job, Is.Not.Null);
            Assert.That(runningWhileOpen, Is.EqualTo(1));
            Assert.That(jobCounts, Is.EqualTo(new[] { 1, 0 }), "the board saw one job start and end");
            Assert.That(heavyWhileOpen, Is.EqualTo(1));
            Assert.That(node.Board.Workload.RunningJobs, Is.Zero, "a second dispose ends nothing more");
            Assert.That(power.HeavyJobsRunning, Is.Zero);
            Assert.That(node.EventsNamed("POWER_JOB_DEFERRED"), Is.Empty);
        }
    }

    [Test]
    public void TryBeginHeavyJob_OutsideNominal_ReturnsNullCountsEveryRequestAndReportsOncePerWait()
    {
        using var node = Node(0.45);
        node.RunFor(TimeSpan.FromSeconds(1));
        var power = Power(node);

        var jobs = Enumerable.Range(0, 3).Select(_ => power.TryBeginHeavyJob("inference")).ToArray();

        var deferred = node.EventsNamed("POWER_JOB_DEFERRED");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(jobs, Is.All.Null);
            Assert.That(node.Board.Workload.RunningJobs, Is.Zero);
            Assert.That(node.Telemetry("POWER_JOBS_DEFERRED"), Is.EqualTo(3u));
            Assert.That(deferred, Has.Count.EqualTo(1));
            Assert.That(deferred[0].Message, Is.EqualTo("Heavy job inference deferred in power mode PowerSave: heavy jobs run only in Nominal"));
        }
    }

    [Test]
    public void TryBeginHeavyJob_BeforeTheFirstReading_IsDeferred()
    {
        using var node = Node(0.9);

        var job = Power(node).TryBeginHeavyJob("inference");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job, Is.Null);
            Assert.That(Power(node).StateOfCharge, Is.Null);
            Assert.That(node.EventsNamed("POWER_JOB_DEFERRED").Single()["reason"], Is.EqualTo("no state of charge yet"));
        }
    }

    [Test]
    public void ModeChanged_LeavingNominalWithAJobHeld_IsRaisedAndTheJobStillRunningIsReported()
    {
        using var node = Node(0.8);
        node.RunFor(TimeSpan.FromSeconds(1));
        var power = Power(node);
        var seen = new List<(PowerMode, PowerMode)>();
        power.ModeChanged += (from, to) => seen.Add((from, to));
        using var held = power.TryBeginHeavyJob("stubborn");

        BatterySupply.Set(node, 0.40);
        node.RunFor(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(new[] { (PowerMode.Nominal, PowerMode.PowerSave) }));
            Assert.That(power.AllowsHeavyJobs, Is.False);
            Assert.That(node.EventsNamed("POWER_JOBS_STILL_RUNNING").Select(e => e.Message), Is.EqualTo(new[] { "1 heavy jobs still running in power mode PowerSave" }));
        }
    }

    [Test]
    public void OnCycle_PowerMonitorStopsAnswering_HoldsTheModeAndReportsOnce()
    {
        using var node = Node(0.45);
        node.RunFor(TimeSpan.FromSeconds(5));
        var bus = node.Hardware.I2cBuses[1];
        var chip = bus.Chips.Single(c => c.Address == PowerMonitorAddress);
        long socUpdates = node.App.Telemetry.Find("POWER_SOC")!.UpdateCount;

        bus.Detach(PowerMonitorAddress);
        BatterySupply.Set(node, 0.95);
        node.RunFor(TimeSpan.FromMinutes(5));
        var modeWhileBlind = Power(node).Mode;
        long socUpdatesWhileBlind = node.App.Telemetry.Find("POWER_SOC")!.UpdateCount;
        bus.Attach(chip);
        node.RunFor(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(modeWhileBlind, Is.EqualTo(PowerMode.PowerSave));
            Assert.That(socUpdatesWhileBlind, Is.EqualTo(socUpdates));
            Assert.That(node.EventsNamed("POWER_SENSOR_FAILED"), Has.Count.EqualTo(1));
            Assert.That(node.EventsNamed("POWER_SENSOR_FAILED")[0]["mode"], Is.EqualTo(PowerMode.PowerSave));
            Assert.That((double)node.EventsNamed("POWER_SENSOR_FAILED")[0]["soc"]!, Is.EqualTo(0.45).Within(0.005));
            Assert.That(Power(node).Mode, Is.EqualTo(PowerMode.Nominal), "back on the ladder once it answers");
            Assert.That(node.App.Health.Unresponsive, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_PowerMonitorAbsentFromBoot_StaysNominalButAllowsNoHeavyJob()
    {
        using var node = new TestNode(app => app.Add(new PowerManager(), RateGroupId.Rate1Hz));
        node.Hardware.I2cBuses[1].Detach(PowerMonitorAddress);
        node.PowerOn();

        node.RunFor(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Power(node).Mode, Is.EqualTo(PowerMode.Nominal));
            Assert.That(Power(node).AllowsHeavyJobs, Is.False);
            Assert.That(node.Telemetry("POWER_SOC"), Is.Null);
            Assert.That(node.EventsNamed("POWER_SENSOR_FAILED"), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void OnCycle_ThresholdsSetOutOfOrder_AreRefusedOnceAndThePreviousSetStays()
    {
        using var node = Node(0.62);
        node.RunFor(TimeSpan.FromSeconds(1));

        var set = Command(node, "PRM_SET", "POWER_SAVE_ENTER_SOC", "0.65");
        node.RunFor(TimeSpan.FromSeconds(10));
        var modeWithRefusedSet = Power(node).Mode;
        var thresholdsWithRefusedSet = Power(node).Thresholds;
        Command(node, "PRM_SET", "POWER_SAVE_LEAVE_SOC", "0.7");
        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Succeeded, Is.True, "the parameter itself is within its bounds");
            Assert.That(node.EventsNamed("POWER_THRESHOLDS_INVALID").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Power thresholds refused (PowerSave enter threshold 0.65 must lie below its leave threshold 0.6); the previous set stays in force",
            }));
            Assert.That(modeWithRefusedSet, Is.EqualTo(PowerMode.Nominal));
            Assert.That(thresholdsWithRefusedSet, Is.EqualTo(new PowerThresholds()));
            Assert.That(Power(node).Thresholds.PowerSaveEnter, Is.EqualTo(0.65));
            Assert.That(Power(node).Mode, Is.EqualTo(PowerMode.PowerSave), "the repaired set applies");
        }
    }

    [Test]
    public void PowerModeSet_MoreConservativeThanTheLadder_HoldsTheNodeThereUntilRemoved()
    {
        using var node = Node(0.8);
        node.RunFor(TimeSpan.FromSeconds(1));

        var response = Command(node, "POWER_MODE_SET", "Safe");
        var commanded = Power(node).Mode;
        BatterySupply.Set(node, 0.10);
        node.RunFor(TimeSpan.FromMinutes(3));
        var drained = Power(node).Mode;
        BatterySupply.Set(node, 0.80);
        node.RunFor(TimeSpan.FromMinutes(3));
        var recharged = Power(node).Mode;
        Command(node, "POWER_MODE_SET", "Nominal");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Message, Is.EqualTo("power mode Safe (floor Safe, ladder Nominal)"));
            Assert.That(commanded, Is.EqualTo(PowerMode.Safe));
            Assert.That(drained, Is.EqualTo(PowerMode.Survival), "the ladder still goes below the floor");
            Assert.That(recharged, Is.EqualTo(PowerMode.Safe), "the floor holds above the ladder");
            Assert.That(Power(node).Mode, Is.EqualTo(PowerMode.Nominal));
            Assert.That(node.EventsNamed("POWER_MODE_CHANGED").Select(e => e["reason"]).First(), Is.EqualTo("commanded floor Safe"));
            Assert.That(node.EventsNamed("POWER_MODE_CHANGED").Select(e => e["reason"]).Last(), Is.EqualTo("commanded floor removed"));
        }
    }

    [Test]
    public void PowerModeSet_NominalWhileTheBatteryCallsForPowerSave_CannotLiftTheMode()
    {
        using var node = Node(0.35);
        node.RunFor(TimeSpan.FromSeconds(1));

        var response = Command(node, "POWER_MODE_SET", "Nominal");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Message, Is.EqualTo("power mode PowerSave (floor Nominal, ladder PowerSave)"));
            Assert.That(Power(node).Mode, Is.EqualTo(PowerMode.PowerSave));
        }
    }

    [Test]
    public void OnCycle_ThreeCellsConfigured_ReadsTheThreeCellCurve()
    {
        using var node = Node(0.5);
        node.RunFor(TimeSpan.FromSeconds(1));

        Command(node, "PRM_SET", "POWER_CELLS", "3");
        BatterySupply.Set(node, 0.7, amps: 0.5, cells: 3);
        node.RunFor(TimeSpan.FromSeconds(1));

        Assert.That(Soc(node), Is.EqualTo(0.7).Within(0.005), "a new curve seeds the estimate again");
    }

    [Test]
    public void Constructor_Declares_ItsParametersWithTheirDefaults()
    {
        using var node = Node(0.8);

        var expected = new Dictionary<string, string>
        {
            ["POWER_CELLS"] = "2", ["POWER_R_INT_OHM"] = "0.08", ["POWER_SOC_TAU_S"] = "30",
            ["POWER_SAVE_ENTER_SOC"] = "0.5", ["POWER_SAVE_LEAVE_SOC"] = "0.6",
            ["POWER_SAFE_ENTER_SOC"] = "0.3", ["POWER_SAFE_LEAVE_SOC"] = "0.4",
            ["POWER_SURVIVAL_ENTER_SOC"] = "0.15", ["POWER_SURVIVAL_LEAVE_SOC"] = "0.25",
        };
        Assert.That(expected.ToDictionary(p => p.Key, p => node.App.Parameters.Find(p.Key)?.ValueText), Is.EqualTo(expected));
    }
}
