using FlightSw.Core.Scheduling;

namespace FlightSw.Core.Tests.Scheduling;

public class SchedulerOptionsTests
{
    [Test]
    public void BasePeriod_Default_Is100Milliseconds()
    {
        Assert.That(new SchedulerOptions().BasePeriod, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
    }

    [TestCase(RateGroupId.Rate10Hz, 1)]
    [TestCase(RateGroupId.Rate1Hz, 10)]
    [TestCase(RateGroupId.Rate0_1Hz, 100)]
    public void Divider_EachGroup_IsItsTicksPerCycle(RateGroupId group, int expected)
    {
        Assert.That(SchedulerOptions.Divider(group), Is.EqualTo(expected));
    }

    [Test]
    public void Divider_UnknownGroup_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => SchedulerOptions.Divider((RateGroupId)3), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(RateGroupId.Rate10Hz, 100)]
    [TestCase(RateGroupId.Rate1Hz, 1000)]
    [TestCase(RateGroupId.Rate0_1Hz, 10000)]
    public void Period_DefaultBaseTick_IsTheGroupsNominalPeriod(RateGroupId group, int milliseconds)
    {
        Assert.That(new SchedulerOptions().Period(group), Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Test]
    public void Period_CustomBaseTick_ScalesEveryGroup()
    {
        var options = new SchedulerOptions { BasePeriod = TimeSpan.FromMilliseconds(50) };

        Assert.That(options.Period(RateGroupId.Rate1Hz), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
    }
}
