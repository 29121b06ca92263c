using FlightSw.Core.Commands;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Core.Tests.Power;

namespace FlightSw.Core.Tests.PayloadDuty;

public class PayloadDutyTests
{
    /// <summary>A node with the payload duty (and the power manager unless <paramref name="withPower"/> is false) on a battery at <paramref name="stateOfCharge"/>.</summary>
    private static TestNode Node(double stateOfCharge = 0.8, bool withPower = true)
    {
        var node = new TestNode(app =>
        {
            if (withPower)
            {
                app.Add(new PowerManager(), RateGroupId.Rate1Hz);
            }

            app.Add(new Core.PayloadDuty.PayloadDuty(), RateGroupId.Rate1Hz);
        });
        BatterySupply.Set(node, stateOfCharge);
        node.PowerOn();
        return node;
    }

    /// <summary>Every job count the board's workload reports, in order.</summary>
    private static List<int> JobCounts(TestNode node)
    {
        var counts = new List<int>();
        node.Board.Jobs.Changed += counts.Add;
        return counts;
    }

    private static bool Active(TestNode node) => (bool)node.Telemetry("PAYLOAD_ACTIVE")!;

    private static CommandResponse Command(TestNode node, string name, params string[] arguments) =>
        node.App.Commands.Execute(CommandRequest.Of(name, arguments));

    private static PowerManager Power(TestNode node) => (PowerManager)node.App.FindComponent(PowerManager.ComponentName)!;

    [Test]
    public void OnCycle_WithoutAPowerManager_RunsAJobEveryPeriodForItsDuration()
    {
        using var node = Node(withPower: false);
        var counts = JobCounts(node);

        node.RunFor(TimeSpan.FromSeconds(599));
        bool activeBeforeThePeriod = Active(node);
        node.RunFor(TimeSpan.FromSeconds(2));
        bool activeAfterThePeriod = Active(node);
        node.RunFor(TimeSpan.FromSeconds(300));
        uint doneAfterTheJob = (uint)node.Telemetry("PAYLOAD_JOBS_DONE")!;
        bool activeAfterTheJob = Active(node);
        node.RunFor(TimeSpan.FromSeconds(300));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(activeBeforeThePeriod, Is.False);
            Assert.That(activeAfterThePeriod, Is.True);
            Assert.That(activeAfterTheJob, Is.False);
            Assert.That(doneAfterTheJob, Is.EqualTo(1u));
            Assert.That(counts, Is.EqualTo(new[] { 1, 0, 1 }), "one job at a time, the second one period after the first started");
            Assert.That(node.EventsNamed("PAYLOAD_JOB_STARTED").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Payload job started (scheduled) for 300 s", "Payload job started (scheduled) for 300 s",
            }));
            Assert.That((double)node.EventsNamed("PAYLOAD_JOB_ENDED").Single()["seconds"]!, Is.EqualTo(300).Within(1.0));
        }
    }

    [Test]
    public void OnCycle_PowerManagerInNominal_StartsTheJobAsAHeavyJob()
    {
        using var node = Node(0.8);
        var counts = JobCounts(node);

        node.RunFor(TimeSpan.FromSeconds(601));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Active(node), Is.True);
            Assert.That(counts, Is.EqualTo(new[] { 1 }));
            Assert.That(Power(node).HeavyJobsRunning, Is.EqualTo(1));
        }
    }

    [Test]
    public void OnCycle_JobDueOutsideNominal_WaitsReportingOnceAndStartsWhenPowerAllows()
    {
        using var node = Node(0.45);
        var counts = JobCounts(node);

        node.RunFor(TimeSpan.FromSeconds(900));
        bool activeWhileWaiting = Active(node);
        uint powerRefusals = (uint)node.Telemetry("POWER_JOBS_DEFERRED")!;
        BatterySupply.Set(node, 0.8);
        node.RunFor(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(activeWhileWaiting, Is.False);
            Assert.That(powerRefusals, Is.GreaterThanOrEqualTo(299u), "retried every second");
            Assert.That(node.EventsNamed("PAYLOAD_JOB_DEFERRED").Select(e => e.Message), Is.EqualTo(new[] { "Payload job waits for power (mode PowerSave)" }));
            Assert.That(node.Telemetry("PAYLOAD_JOBS_DEFERRED"), Is.EqualTo(1u));
            Assert.That(node.EventsNamed("POWER_JOB_DEFERRED"), Has.Count.EqualTo(1));
            Assert.That(Active(node), Is.True, "started once back in Nominal");
            Assert.That(counts, Is.EqualTo(new[] { 1 }));
        }
    }

    [Test]
    public void OnPowerModeChanged_LeavingNominalDuringAJob_EndsItAndOwesTheWork()
    {
        using var node = Node(0.8);
        var counts = JobCounts(node);
        node.RunFor(TimeSpan.FromSeconds(5));
        Command(node, "PAYLOAD_RUN");

        BatterySupply.Set(node, 0.40);
        node.RunFor(TimeSpan.FromMinutes(2));
        var ended = node.EventsNamed("PAYLOAD_JOB_ENDED");
        bool activeInPowerSave = Active(node);
        BatterySupply.Set(node, 0.80);
        node.RunFor(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(activeInPowerSave, Is.False);
            Assert.That(ended.Select(e => e["reason"]), Is.EqualTo(new[] { "power mode PowerSave" }));
            Assert.That((double)ended[0]["seconds"]!, Is.LessThan(120));
            Assert.That(node.Telemetry("PAYLOAD_JOBS_DONE"), Is.EqualTo(0u));
            Assert.That(node.Telemetry("PAYLOAD_JOBS_CUT"), Is.EqualTo(1u));
            Assert.That(node.EventsNamed("POWER_JOBS_STILL_RUNNING"), Is.Empty, "the job ended inside the mode change");
            Assert.That(node.EventsNamed("PAYLOAD_JOB_DEFERRED"), Has.Count.EqualTo(1), "the owed job waited");
            Assert.That(counts, Is.EqualTo(new[] { 1, 0, 1 }), "and ran again once power returned, before its period");
        }
    }

    [Test]
    public void PayloadRun_InNominal_StartsAJobNowAndRefusesASecond()
    {
        using var node = Node(0.8);
        node.RunFor(TimeSpan.FromSeconds(2));

        var first = Command(node, "PAYLOAD_RUN");
        var second = Command(node, "PAYLOAD_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Succeeded, Is.True, first.Message);
            Assert.That(second.Succeeded, Is.False);
            Assert.That(second.Message, Does.Contain("already running"));
            Assert.That(node.EventsNamed("PAYLOAD_JOB_STARTED").Single()["trigger"], Is.EqualTo("commanded"));
            Assert.That(Active(node), Is.True);
        }
    }

    [Test]
    public void PayloadRun_OutsideNominal_IsRefusedWithTheMode()
    {
        using var node = Node(0.2);
        node.RunFor(TimeSpan.FromSeconds(2));

        var response = Command(node, "PAYLOAD_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Succeeded, Is.False);
            Assert.That(response.Message, Does.Contain("power mode Safe allows no heavy job"));
            Assert.That(Active(node), Is.False);
        }
    }

    [Test]
    public void OnCycle_PeriodAndLengthChangedByCommand_ApplyToTheNextJob()
    {
        using var node = Node(withPower: false);
        Command(node, "PRM_SET", "PAYLOAD_PERIOD_S", "60");
        Command(node, "PRM_SET", "PAYLOAD_JOB_S", "20");

        node.RunFor(TimeSpan.FromSeconds(61));
        bool activeAtOneMinute = Active(node);
        node.RunFor(TimeSpan.FromSeconds(20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(activeAtOneMinute, Is.True);
            Assert.That(Active(node), Is.False);
            Assert.That(node.Telemetry("PAYLOAD_JOBS_DONE"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Constructor_Declares_ItsParametersWithTheirDefaults()
    {
        using var node = Node();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Parameters.Find("PAYLOAD_PERIOD_S")!.ValueText, Is.EqualTo("600"));
            Assert.That(node.App.Parameters.Find("PAYLOAD_JOB_S")!.ValueText, Is.EqualTo("300"));
        }
    }
}
