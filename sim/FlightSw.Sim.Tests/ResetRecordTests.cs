using FlightSw.Hal;

namespace FlightSw.Sim.Tests;

public class ResetRecordTests
{
    [Test]
    public void Equality_SameValues_AreEqual()
    {
        var first = new ResetRecord(TimeSpan.FromSeconds(12), ResetCause.Watchdog, "watchdog expired", 3);
        var second = new ResetRecord(TimeSpan.FromSeconds(12), ResetCause.Watchdog, "watchdog expired", 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
            Assert.That(first with { EndedBoot = 4 }, Is.Not.EqualTo(first));
        }
    }

    [Test]
    public void ToString_Record_NamesEveryField()
    {
        var record = new ResetRecord(TimeSpan.FromSeconds(12), ResetCause.CommandedPowerCycle, "latch-up", 2);

        Assert.That(
            record.ToString(),
            Does.Contain("00:00:12").And.Contain("CommandedPowerCycle").And.Contain("latch-up").And.Contain("EndedBoot = 2"));
    }
}
