namespace FlightSw.Hal.Linux.Tests;

public class LinuxResetRequestTests
{
    private static readonly LinuxResetRequest Warm = new(ResetCause.CommandedWarmReset, "w");
    private static readonly LinuxResetRequest PowerCycle = new(ResetCause.CommandedPowerCycle, "p");

    [Test]
    public void Outranks_Nothing_True()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Warm.Outranks(null), Is.True);
            Assert.That(PowerCycle.Outranks(null), Is.True);
        }
    }

    [Test]
    public void Outranks_PowerCycleOverWarmReset_OnlyThatWay()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PowerCycle.Outranks(Warm), Is.True);
            Assert.That(Warm.Outranks(PowerCycle), Is.False);
            Assert.That(Warm.Outranks(Warm), Is.False);
            Assert.That(PowerCycle.Outranks(PowerCycle), Is.False);
        }
    }
}
