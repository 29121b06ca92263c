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
            // The simulated board's constant environment: a 7.8 V battery bus, 0.6 A, 25 C, with a few LSB of noise.
            Assert.That((double)Value("BRD_BUS_V")!, Is.EqualTo(7.8).Within(0.03));
            Assert.That((double)Value("BRD_CURRENT_A")!, Is.EqualTo(0.6).Within(0.01));
            Assert.That((double)Value("BRD_POWER_W")!, Is.EqualTo(4.68).Within(0.1));
            Assert.That((double)Value("BRD_TEMP_C")!, Is.EqualTo(25.0).Within(0.3));
        });
    }

    [Test]
    [Category(EnvironmentControl)]
    public void Telemetry_SupplyChanges_NextReadingFollowsAndOvercurrentIsReported()
    {
        RequireEnvironmentControl();
        var limit = Target.Send("PRM_SET", "BRD_OVERCURRENT_A", "0.7");
        Assert.That(limit.Succeeded, Is.True, limit.Message);

        // Above the board monitor's limit, below the latch-up guard's (4 W / 7.4 V + 0.5 A).
        Target.SetSupply(volts: 7.4, amps: 0.9);
        Target.Wait(TimeSpan.FromSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That((double)Value("BRD_BUS_V")!, Is.EqualTo(7.4).Within(0.03));
            Assert.That((double)Value("BRD_CURRENT_A")!, Is.EqualTo(0.9).Within(0.01));
            Assert.That(EventsNamed("BRD_OVERCURRENT").Count(), Is.EqualTo(1), "reported once on the way in");
            Assert.That(EventsNamed("LATCHUP_DETECTED"), Is.Empty, "a slow rise within the guard's limit is not a latch-up");
        });

        Target.SetSupply(volts: 7.8, amps: 0.6);
        Target.Wait(TimeSpan.FromSeconds(2));

        Assert.That(EventsNamed("BRD_LIMIT_CLEARED").Count(), Is.EqualTo(1), "reported once on the way out");
    }
}
