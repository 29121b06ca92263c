namespace FlightSw.HilTests.Scenarios;

/// <summary>Latch-up protection on the node: a supply current step is answered with a power cycle before the part burns out.</summary>
[Category(EnvironmentControl)]
public class LatchUpScenarios : ScenarioBase
{
    [Test]
    public void LatchUp_OneAmpStep_PowerCycledWithinASecondCountedAndTheNodeFliesOn()
    {
        RequireEnvironmentControl();

        Target.InjectLatchUp(1.0);
        bool cycled = Target.WaitFor(() => Target.LatchUps[0].ClearedAt is not null, TimeSpan.FromSeconds(1));
        bool back = Target.WaitFor(() => Target.IsRunning && EventsNamed("BOOT").Count() == 2, TimeSpan.FromSeconds(30));
        Target.Wait(TimeSpan.FromSeconds(2));

        var latchUp = Target.LatchUps.Single();
        Assert.Multiple(() =>
        {
            Assert.That(cycled, Is.True, "no power cycle within a second of the step");
            Assert.That(latchUp.ClearedBy, Is.EqualTo("power cycle"));
            Assert.That(latchUp.BurnedOut, Is.False);
            Assert.That(Target.DamageReason, Is.Null);
            Assert.That(EventsNamed("LATCHUP_DETECTED").Count(), Is.EqualTo(1));
            Assert.That(back, Is.True, "the node did not come back after the power cycle");
            Assert.That(EventsNamed("BOOT").Last()["cause"]?.ToString(), Is.EqualTo("LatchUpPowerCycle"));
            Assert.That(Target.Telemetry("LATCHUP_COUNT").Value, Is.EqualTo(1u), "the count survives the power cycle it asked for");
            Assert.That(EventsNamed("LATCHUP_DETECTED"), Has.Exactly(1).Items, "the next boot sees a normal current again");
        });
    }
}
