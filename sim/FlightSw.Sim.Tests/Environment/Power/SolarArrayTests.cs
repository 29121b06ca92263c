using FlightSw.Sim.Environment.Power;

namespace FlightSw.Sim.Tests.Environment.Power;

public class SolarArrayTests
{
    [Test]
    public void Validate_Defaults_DoesNotThrow()
    {
        Assert.That(new SolarArray().Validate, Throws.Nothing);
    }

    [TestCase(-0.1, 0.28, 0.0, nameof(SolarArray.AreaSquareMeters))]
    [TestCase(0.06, 1.2, 0.0, nameof(SolarArray.Efficiency))]
    [TestCase(0.06, 0.28, 90.0, nameof(SolarArray.IncidenceDegrees))]
    [TestCase(0.06, 0.28, -5.0, nameof(SolarArray.IncidenceDegrees))]
    public void Validate_OutOfRange_ThrowsNamingTheField(double area, double efficiency, double incidence, string field)
    {
        Assert.That(
            new SolarArray(area, efficiency, incidence).Validate,
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(field));
    }
}
