using FlightSw.Sim.Scenarios;

namespace FlightSw.Sim.Tests.Scenarios;

[TestFixture]
public class ScenarioTimeTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(100);

    [TestCase("90s", 90)]
    [TestCase("15m", 900)]
    [TestCase("15min", 900)]
    [TestCase("6h", 21600)]
    [TestCase("2d", 172800)]
    [TestCase("1.5h", 5400)]
    [TestCase("10 s", 10)]
    [TestCase("6H", 21600)]
    [TestCase("01:30:00", 5400)]
    [TestCase("30:00:05", 108005)]
    public void TryParseDuration_UnitForms_GiveSeconds(string text, double seconds)
    {
        var ok = ScenarioTime.TryParseDuration(text, Period, out var duration, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True, error);
            Assert.That(duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
            Assert.That(error, Is.Empty);
        }
    }

    [TestCase("3orbits", 300)]
    [TestCase("1orbit", 100)]
    [TestCase("0.5orbits", 50)]
    public void TryParseDuration_Orbits_CountInTheGivenPeriod(string text, double minutes)
    {
        Assert.That(ScenarioTime.TryParseDuration(text, Period, out var duration, out _), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromMinutes(minutes)));
    }

    [TestCase("90")]
    [TestCase("2 weeks")]
    [TestCase("-5s")]
    [TestCase("")]
    [TestCase("1:2:3")]
    [TestCase("orbit 3")]
    public void TryParseDuration_BadForm_FailsListingForms(string text)
    {
        var ok = ScenarioTime.TryParseDuration(text, Period, out _, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Does.Contain("is not a duration"));
            Assert.That(error, Does.Contain("90s, 15m or 15min, 6h, 2d, 3orbits"));
            Assert.That(error, Does.Contain("hh:mm:ss"));
        }
    }

    [TestCase("0s")]
    [TestCase("00:00:00")]
    [TestCase("0.0001s")]
    public void TryParseDuration_Zero_FailsAsNotLongerThanZero(string text)
    {
        Assert.That(ScenarioTime.TryParseDuration(text, Period, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("longer than zero"));
    }

    [Test]
    public void TryParseDuration_BeyondTenYears_Fails()
    {
        Assert.That(ScenarioTime.TryParseDuration("3651d", Period, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("more than 3650 days"));
    }

    [TestCase("orbit 1", 0)]
    [TestCase("orbit 3", 200)]
    [TestCase("Orbit 3", 200)]
    [TestCase("orbit3", 200)]
    [TestCase("orbit 2.5", 150)]
    [TestCase("3orbits", 300)]
    public void TryParseInstant_OrbitForms_CountFromTheFirstOrbit(string text, double minutes)
    {
        var ok = ScenarioTime.TryParseInstant(text, Period, out var instant, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(instant, Is.EqualTo(TimeSpan.FromMinutes(minutes)));
    }

    [TestCase("t=5000s", 5000)]
    [TestCase("T=5000s", 5000)]
    [TestCase("t= 2h", 7200)]
    [TestCase("5000s", 5000)]
    [TestCase("t=0s", 0)]
    [TestCase("00:00:10", 10)]
    public void TryParseInstant_TimeSinceStart_GivesSeconds(string text, double seconds)
    {
        var ok = ScenarioTime.TryParseInstant(text, Period, out var instant, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(instant, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void TryParseInstant_RealOrbitPeriod_UsesThatPeriod()
    {
        var orbit = FlightSw.Sim.Environment.CircularOrbit.Leo500;

        Assert.That(ScenarioTime.TryParseInstant("orbit 3", orbit.Period, out var instant, out _), Is.True);
        Assert.That(instant, Is.EqualTo(orbit.Period * 2));
    }

    [TestCase("orbit 0")]
    [TestCase("orbit 0.5")]
    public void TryParseInstant_OrbitBeforeTheFirst_Fails(string text)
    {
        Assert.That(ScenarioTime.TryParseInstant(text, Period, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("orbits count from 1"));
    }

    [TestCase("soon")]
    [TestCase("t=")]
    [TestCase("orbit -1")]
    [TestCase("t=5000")]
    public void TryParseInstant_BadForm_FailsListingForms(string text)
    {
        var ok = ScenarioTime.TryParseInstant(text, Period, out _, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Does.Contain("is not a time"));
            Assert.That(error, Does.Contain("'orbit N'"));
            Assert.That(error, Does.Contain("t=5000s"));
        }
    }

    [Test]
    public void TryParseDuration_ZeroPeriod_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioTime.TryParseDuration("1h", TimeSpan.Zero, out _, out _));
    }
}
