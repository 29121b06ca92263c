using FlightSw.Sim.Environment.Thermal;

namespace FlightSw.Sim.Tests.Environment.Thermal;

public class ThermalSpecTests
{
    private static IEnumerable<TestCaseData> InvalidSpecs()
    {
        yield return new TestCaseData(new ThermalSpec { EclipseCelsius = double.NaN }, nameof(ThermalSpec.EclipseCelsius));
        yield return new TestCaseData(new ThermalSpec { SunHeatingCelsius = double.PositiveInfinity }, nameof(ThermalSpec.SunHeatingCelsius));
        yield return new TestCaseData(new ThermalSpec { InitialCelsius = double.NegativeInfinity }, nameof(ThermalSpec.InitialCelsius));
        yield return new TestCaseData(new ThermalSpec { CelsiusPerWatt = -1 }, nameof(ThermalSpec.CelsiusPerWatt));
        yield return new TestCaseData(new ThermalSpec { TimeConstant = TimeSpan.FromSeconds(-1) }, nameof(ThermalSpec.TimeConstant));
    }

    [Test]
    public void Validate_Defaults_DoesNotThrow()
    {
        Assert.That(new ThermalSpec().Validate, Throws.Nothing);
    }

    [TestCaseSource(nameof(InvalidSpecs))]
    public void Validate_OutOfRange_ThrowsNamingTheField(ThermalSpec spec, string field)
    {
        Assert.That(spec.Validate, Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(field));
    }
}
