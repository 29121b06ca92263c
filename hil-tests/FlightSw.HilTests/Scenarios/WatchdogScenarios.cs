namespace FlightSw.HilTests.Scenarios;

public sealed class WatchdogScenarios : ScenarioBase
{
    [Test]
    public void HealthyNode_NoFault_NeverResets()
    {
        Target.Wait(TimeSpan.FromMinutes(30));

        Assert.That(EventsNamed("BOOT").Count(), Is.EqualTo(1));
    }
}
