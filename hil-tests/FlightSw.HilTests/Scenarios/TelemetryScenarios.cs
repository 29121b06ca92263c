namespace FlightSw.HilTests.Scenarios;

public sealed class TelemetryScenarios : ScenarioBase
{
    [Test]
    public void Telemetry_TenSeconds_EachChannelUpdatesOncePerCycleOfItsRateGroup()
    {
        var before = new Dictionary<string, long>
        {
            ["SCHED_TICKS"] = Updates("SCHED_TICKS"),
            ["LED_LIT"] = Updates("LED_LIT"),
            ["BRD_BUS_V"] = Updates("BRD_BUS_V"),
            ["BRD_TEMP_C"] = Updates("BRD_TEMP_C"),
            ["UPTIME_S"] = Updates("UPTIME_S"),
            ["HEALTH_WDOG_PETS"] = Updates("HEALTH_WDOG_PETS"),
        };

        Target.Wait(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(Updates("SCHED_TICKS") - before["SCHED_TICKS"], Is.EqualTo(100), "10 Hz");
            Assert.That(Updates("LED_LIT") - before["LED_LIT"], Is.EqualTo(100), "10 Hz");
            Assert.That(Updates("BRD_BUS_V") - before["BRD_BUS_V"], Is.EqualTo(10), "1 Hz");
            Assert.That(Updates("BRD_TEMP_C") - before["BRD_TEMP_C"], Is.EqualTo(10), "1 Hz");
            Assert.That(Updates("UPTIME_S") - before["UPTIME_S"], Is.EqualTo(10), "1 Hz");
            Assert.That(Updates("HEALTH_WDOG_PETS") - before["HEALTH_WDOG_PETS"], Is.EqualTo(10), "1 Hz");
        });
    }

    [Test]
    public void Telemetry_BoardSensors_ReportTheSimulatedSupplyAndTemperatureThroughTheChipDrivers()
    {
        Target.Wait(TimeSpan.FromSeconds(2));

        Assert.Multiple(() =>
        {
            // The simulated board's constant environment: 5 V, 0.6 A, 25 C, with a few LSB of noise.
            Assert.That((double)Value("BRD_BUS_V")!, Is.EqualTo(5.0).Within(0.03));
            Assert.That((double)Value("BRD_CURRENT_A")!, Is.EqualTo(0.6).Within(0.01));
            Assert.That((double)Value("BRD_POWER_W")!, Is.EqualTo(3.0).Within(0.1));
            Assert.That((double)Value("BRD_TEMP_C")!, Is.EqualTo(25.0).Within(0.3));
        });
    }

    [Test]
    [Category(EnvironmentControl)]
    public void Telemetry_SupplyChanges_NextReadingFollowsAndOvercurrentIsReported()
    {
        RequireEnvironmentControl();

        Target.SetSupply(volts: 4.75, amps: 2.9);
        Target.Wait(TimeSpan.FromSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That((double)Value("BRD_BUS_V")!, Is.EqualTo(4.75).Within(0.03));
            Assert.That((double)Value("BRD_CURRENT_A")!, Is.EqualTo(2.9).Within(0.01));
            Assert.That(EventsNamed("BRD_OVERCURRENT").Count(), Is.EqualTo(1), "reported once on the way in");
        });

        Target.SetSupply(volts: 5.0, amps: 0.6);
        Target.Wait(TimeSpan.FromSeconds(2));

        Assert.That(EventsNamed("BRD_LIMIT_CLEARED").Count(), Is.EqualTo(1), "reported once on the way out");
    }
}
