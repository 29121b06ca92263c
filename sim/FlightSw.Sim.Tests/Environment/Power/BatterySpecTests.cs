using FlightSw.Hal.Power;
using FlightSw.Sim.Environment.Power;

namespace FlightSw.Sim.Tests.Environment.Power;

public class BatterySpecTests
{
    private static IEnumerable<TestCaseData> InvalidSpecs()
    {
        yield return new TestCaseData(new BatterySpec { CapacityWattHours = 0 }, nameof(BatterySpec.CapacityWattHours));
        yield return new TestCaseData(new BatterySpec { CapacityWattHours = double.PositiveInfinity }, nameof(BatterySpec.CapacityWattHours));
        yield return new TestCaseData(new BatterySpec { InitialStateOfCharge = 1.01 }, nameof(BatterySpec.InitialStateOfCharge));
        yield return new TestCaseData(new BatterySpec { InitialStateOfCharge = double.NaN }, nameof(BatterySpec.InitialStateOfCharge));
        yield return new TestCaseData(new BatterySpec { ChargeEfficiency = 1.5 }, nameof(BatterySpec.ChargeEfficiency));
        yield return new TestCaseData(new BatterySpec { DischargeEfficiency = 0 }, nameof(BatterySpec.DischargeEfficiency));
        yield return new TestCaseData(new BatterySpec { InternalOhms = -0.1 }, nameof(BatterySpec.InternalOhms));
        yield return new TestCaseData(new BatterySpec { CutoffVolts = 5.9 }, nameof(BatterySpec.CutoffVolts));
        yield return new TestCaseData(new BatterySpec { CutoffVolts = 8.4, PowerOnVolts = 8.4 }, nameof(BatterySpec.CutoffVolts));
        yield return new TestCaseData(new BatterySpec { PowerOnVolts = 6.6 }, nameof(BatterySpec.PowerOnVolts));
        yield return new TestCaseData(new BatterySpec { PowerOnVolts = 8.5 }, nameof(BatterySpec.PowerOnVolts));
    }

    [Test]
    public void Validate_Defaults_DoesNotThrow()
    {
        Assert.That(() => new BatterySpec().Validate(), Throws.Nothing);
    }

    [Test]
    public void Validate_ThresholdsAtTheCurvesEnds_DoesNotThrow()
    {
        var spec = new BatterySpec { Curve = BatteryCurve.LithiumIon(1), CutoffVolts = 3.0, PowerOnVolts = 4.2 };

        Assert.That(spec.Validate, Throws.Nothing);
    }

    [TestCaseSource(nameof(InvalidSpecs))]
    public void Validate_OutOfRange_ThrowsNamingTheField(BatterySpec spec, string field)
    {
        Assert.That(spec.Validate, Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(field));
    }

    [Test]
    public void Validate_NoCurve_ThrowsArgumentNullException()
    {
        Assert.That(new BatterySpec { Curve = null! }.Validate, Throws.ArgumentNullException);
    }
}
