using FlightSw.Node.Cli;
using FlightSw.Sim.Environment;

namespace FlightSw.Node.Tests.Cli;

public sealed class SimulatedDurationTests
{
    [TestCase("90s", 90)]
    [TestCase("15m", 900)]
    [TestCase("15min", 900)]
    [TestCase("6h", 21600)]
    [TestCase("2d", 172800)]
    [TestCase("0.5h", 1800)]
    [TestCase("01:30:00", 5400)]
    public void TryParse_NumberWithUnitOrTimeSpan_GivesThatManySeconds(string text, double seconds)
    {
        Assert.That(SimulatedDuration.TryParse(text, out var duration, out _), Is.True);
        Assert.That(duration.TotalSeconds, Is.EqualTo(seconds));
    }

    [Test]
    public void TryParse_Orbits_MultiplesOfTheReference500KmOrbit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SimulatedDuration.TryParse("1orbit", out var one, out _), Is.True);
            Assert.That(SimulatedDuration.TryParse(SimulatedDuration.Default, out var three, out _), Is.True);
            Assert.That(one, Is.EqualTo(CircularOrbit.Leo500.Period));
            Assert.That(three.TotalMinutes, Is.EqualTo(3 * 94.6).Within(0.2));
        });
    }

    [TestCase("")]
    [TestCase("soon")]
    [TestCase("3 parsecs")]
    [TestCase("0s")]
    [TestCase("-5m")]
    [TestCase("4000d")]
    public void TryParse_Invalid_FalseWithAReasonNamingTheAcceptedForms(string text)
    {
        Assert.That(SimulatedDuration.TryParse(text, out _, out string error), Is.False);
        Assert.That(error, Does.Contain(text.Trim()));
    }
}
