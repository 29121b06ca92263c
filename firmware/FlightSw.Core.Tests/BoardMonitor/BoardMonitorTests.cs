using FlightSw.Core.Commands;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Power;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Core.Tests.Power;

namespace FlightSw.Core.Tests.BoardMonitor;

public class BoardMonitorTests
{
    private const int TemperatureSensorAddress = 0x48;
    private const int PowerMonitorAddress = 0x40;

    private static TestNode Node() => TestNode.Boot(app => app.Add(new Core.BoardMonitor.BoardMonitor(), RateGroupId.Rate1Hz));

    private static double Reading(TestNode node, string channel) => (double)node.Telemetry(channel)!;

    private static string[] Messages(TestNode node, string name) => node.EventsNamed(name).Select(e => e.Message).ToArray();

    [Test]
    public void OnCycle_NominalSupply_ReportsBusCurrentPowerAndTemperature()
    {
        using var node = Node();

        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            // The default environment: 7.8 V, 0.6 A, 25 C, read through the INA219 and TMP102 models.
            Assert.That(Reading(node, "BRD_BUS_V"), Is.EqualTo(7.8).Within(0.004));
            Assert.That(Reading(node, "BRD_CURRENT_A"), Is.EqualTo(0.6).Within(0.001));
            Assert.That(Reading(node, "BRD_POWER_W"), Is.EqualTo(4.68).Within(0.01));
            Assert.That(Reading(node, "BRD_TEMP_C"), Is.EqualTo(25.0).Within(0.0625));
            Assert.That(node.App.Telemetry.Find("BRD_BUS_V")!.UpdateCount, Is.EqualTo(1), "once per 1 Hz cycle");
            Assert.That(node.Telemetry("BRD_READ_ERRORS"), Is.Null, "no read has failed");
            Assert.That(node.App.Events.Snapshot().Where(e => e.Component == "board"), Is.Empty);
        }
    }

    [Test]
    public void OnCycle_PowerManagerInSafe_ReadsEveryTenthCycle()
    {
        using var node = TestNode.Boot(app =>
        {
            app.Add(new PowerManager(), RateGroupId.Rate1Hz);
            app.Add(new Core.BoardMonitor.BoardMonitor(), RateGroupId.Rate1Hz);
        });
        BatterySupply.Set(node, stateOfCharge: 0.2);
        node.RunFor(TimeSpan.FromSeconds(10));
        Assume.That(node.App.FindComponent(PowerManager.ComponentName), Has.Property(nameof(PowerManager.Mode)).EqualTo(PowerMode.Safe));
        long before = node.App.Telemetry.Find("BRD_BUS_V")!.UpdateCount;

        node.RunFor(TimeSpan.FromSeconds(30));

        Assert.That(node.App.Telemetry.Find("BRD_BUS_V")!.UpdateCount - before, Is.EqualTo(3), "30 s at one reading in ten cycles");
    }

    [Test]
    public void OnCycle_EnvironmentChanges_TelemetryFollowsTheNextCycle()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(1));

        node.Hardware.Environment.BusVolts = 4.8;
        node.Hardware.Environment.BoardCelsius = 40.0;
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Reading(node, "BRD_BUS_V"), Is.EqualTo(4.8).Within(0.004));
            Assert.That(Reading(node, "BRD_TEMP_C"), Is.EqualTo(40.0).Within(0.0625));
        }
    }

    [Test]
    public void OnCycle_CurrentAboveLimit_WarnsOnceOnTheWayInAndOnceOnTheWayOut()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(1));

        node.Hardware.Environment.CurrentAmps = 2.8;
        node.RunFor(TimeSpan.FromSeconds(5));
        var whileHigh = Messages(node, "BRD_OVERCURRENT");
        var clearedWhileHigh = Messages(node, "BRD_LIMIT_CLEARED");
        node.Hardware.Environment.CurrentAmps = 0.6;
        node.RunFor(TimeSpan.FromSeconds(5));

        var overcurrent = node.EventsNamed("BRD_OVERCURRENT");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileHigh, Has.Length.EqualTo(1));
            Assert.That((double)overcurrent[0]["amps"]!, Is.EqualTo(2.8).Within(0.001));
            Assert.That(overcurrent[0]["limit"], Is.EqualTo(2.5));
            Assert.That(overcurrent[0].Message, Does.EndWith("A above limit 2.5 A"));
            Assert.That(clearedWhileHigh, Is.Empty);
            Assert.That(Messages(node, "BRD_LIMIT_CLEARED"), Is.EqualTo(new[] { "supply current back within its limit" }));
            Assert.That(node.EventsNamed("BRD_OVERCURRENT"), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void OnCycle_TemperatureAboveLimit_WarnsOnceOnTheWayInAndOnceOnTheWayOut()
    {
        using var node = Node();
        node.Hardware.Environment.BoardCelsius = 90.0;
        node.RunFor(TimeSpan.FromSeconds(5));
        var whileHot = Messages(node, "BRD_OVERTEMP");

        node.Hardware.Environment.BoardCelsius = 25.0;
        node.RunFor(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileHot, Is.EqualTo(new[] { "Board temperature 90 C above limit 85 C" }));
            Assert.That(Messages(node, "BRD_OVERTEMP"), Has.Length.EqualTo(1));
            Assert.That(Messages(node, "BRD_LIMIT_CLEARED"), Is.EqualTo(new[] { "board temperature back within its limit" }));
        }
    }

    [Test]
    public void OnCycle_TemperatureExactlyAtTheLimit_IsNotAnOvertemperature()
    {
        using var node = Node();
        node.Hardware.Environment.BoardCelsius = 85.0;

        node.RunFor(TimeSpan.FromSeconds(3));

        Assert.That(Messages(node, "BRD_OVERTEMP"), Is.Empty);
    }

    [Test]
    public void OnCycle_LimitLoweredByCommand_AppliesFromTheNextCycle()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(1));

        var response = node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "BRD_OVERTEMP_C", "20"));
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Completed));
            Assert.That(Messages(node, "BRD_OVERTEMP"), Is.EqualTo(new[] { "Board temperature 25 C above limit 20 C" }));
        }
    }

    [Test]
    public void OnCycle_TemperatureSensorStopsAnswering_IsReportedOnceAndCountedEveryCycle()
    {
        using var node = Node();
        node.RunFor(TimeSpan.FromSeconds(1));

        node.Hardware.I2cBuses[1].Detach(TemperatureSensorAddress);
        node.RunFor(TimeSpan.FromSeconds(4));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Messages(node, "BRD_SENSOR_FAILED"), Is.EqualTo(new[] { "temperature sensor did not answer" }));
            Assert.That(node.Telemetry("BRD_READ_ERRORS"), Is.EqualTo(4u));
            Assert.That(node.App.Telemetry.Find("BRD_TEMP_C")!.UpdateCount, Is.EqualTo(1), "no reading since");
            Assert.That(node.App.Telemetry.Find("BRD_BUS_V")!.UpdateCount, Is.EqualTo(5), "the power monitor still reads");
            Assert.That(node.App.Health.Unresponsive, Is.Empty, "a failed sensor is not a failed component");
        }
    }

    [Test]
    public void OnCycle_PowerMonitorAbsentFromBoot_IsReportedNotFatal()
    {
        using var node = new TestNode(app => app.Add(new Core.BoardMonitor.BoardMonitor(), RateGroupId.Rate1Hz));
        node.Hardware.I2cBuses[1].Detach(PowerMonitorAddress);
        node.PowerOn();

        node.RunFor(TimeSpan.FromSeconds(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Messages(node, "BRD_SENSOR_FAILED"), Is.EqualTo(new[] { "power monitor did not answer" }));
            Assert.That(node.Telemetry("BRD_READ_ERRORS"), Is.EqualTo(3u));
            Assert.That(node.Telemetry("BRD_BUS_V"), Is.Null);
            Assert.That(Reading(node, "BRD_TEMP_C"), Is.EqualTo(25.0).Within(0.0625));
        }
    }

    [Test]
    public void OnCycle_SensorFailsAgainAfterRecovering_IsReportedAgain()
    {
        using var node = Node();
        var bus = node.Hardware.I2cBuses[1];
        var sensor = bus.Chips.Single(c => c.Address == TemperatureSensorAddress);

        bus.Detach(TemperatureSensorAddress);
        node.RunFor(TimeSpan.FromSeconds(2));
        bus.Attach(sensor);
        node.RunFor(TimeSpan.FromSeconds(2));
        bus.Detach(TemperatureSensorAddress);
        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Messages(node, "BRD_SENSOR_FAILED"), Is.EqualTo(new[] { "temperature sensor did not answer", "temperature sensor did not answer" }));
            Assert.That(node.Telemetry("BRD_READ_ERRORS"), Is.EqualTo(4u));
            Assert.That(node.App.Telemetry.Find("BRD_TEMP_C")!.UpdateCount, Is.EqualTo(2));
        }
    }

    [Test]
    public void Constructor_Declares_ItsLimitsAsParametersWithTheirDefaults()
    {
        using var node = Node();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Parameters.Find("BRD_OVERCURRENT_A")!.ValueText, Is.EqualTo("2.5"));
            Assert.That(node.App.Parameters.Find("BRD_OVERCURRENT_A")!.RangeText, Is.EqualTo("[0.05, 10]"));
            Assert.That(node.App.Parameters.Find("BRD_OVERTEMP_C")!.ValueText, Is.EqualTo("85"));
            Assert.That(node.App.Parameters.Find("BRD_OVERTEMP_C")!.RangeText, Is.EqualTo("[-40, 125]"));
        }
    }
}
