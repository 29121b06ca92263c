using FlightSw.Core.Power;
using FlightSw.Hal.Power;

namespace FlightSw.Core.Tests.Power;

public class StateOfChargeEstimatorTests
{
    private static readonly BatteryCurve TwoCells = BatteryCurve.LithiumIon(2);

    private static StateOfChargeEstimator Estimator(double tauSeconds = 30) => new(TwoCells, 0.08, TimeSpan.FromSeconds(tauSeconds));

    [Test]
    public void OpenCircuitVoltsOf_Discharging_AddsTheSagAcrossTheInternalResistance()
    {
        Assert.That(StateOfChargeEstimator.OpenCircuitVoltsOf(7.5, 2.0, 0.08), Is.EqualTo(7.66).Within(1e-12));
    }

    [Test]
    public void OpenCircuitVoltsOf_NegativeCurrent_IsNotCorrected()
    {
        Assert.That(StateOfChargeEstimator.OpenCircuitVoltsOf(7.5, -1.0, 0.08), Is.EqualTo(7.5));
    }

    [Test]
    public void Update_FirstReading_SeedsTheAverageWithTheCurveValue()
    {
        var estimator = Estimator();
        double volts = TwoCells.VoltsAt(0.7) - (1.0 * 0.08);

        double soc = estimator.Update(volts, 1.0, TimeSpan.FromHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(soc, Is.EqualTo(0.7).Within(1e-9));
            Assert.That(estimator.StateOfCharge, Is.EqualTo(0.7).Within(1e-9));
            Assert.That(estimator.OpenCircuitVolts, Is.EqualTo(TwoCells.VoltsAt(0.7)).Within(1e-9));
        }
    }

    [Test]
    public void Update_StepHeldForOneTimeConstant_CoversAllButOneOverE()
    {
        var estimator = Estimator(tauSeconds: 30);
        estimator.Update(TwoCells.VoltsAt(0.9), 0, TimeSpan.Zero);

        for (int i = 0; i < 30; i++)
        {
            estimator.Update(TwoCells.VoltsAt(0.5), 0, TimeSpan.FromSeconds(1));
        }

        Assert.That(estimator.StateOfCharge, Is.EqualTo(0.5 + (0.4 / Math.E)).Within(1e-9));
    }

    [Test]
    public void Update_ZeroTimeConstant_TakesEachReadingAsItIs()
    {
        var estimator = Estimator(tauSeconds: 0);
        estimator.Update(TwoCells.VoltsAt(0.9), 0, TimeSpan.Zero);

        double soc = estimator.Update(TwoCells.VoltsAt(0.3), 0, TimeSpan.FromSeconds(1));

        Assert.That(soc, Is.EqualTo(0.3).Within(1e-9));
    }

    [Test]
    public void Reset_ThenUpdate_SeedsAgain()
    {
        var estimator = Estimator();
        estimator.Update(TwoCells.VoltsAt(0.9), 0, TimeSpan.Zero);

        estimator.Reset();
        double soc = estimator.Update(TwoCells.VoltsAt(0.2), 0, TimeSpan.FromSeconds(1));

        Assert.That(soc, Is.EqualTo(0.2).Within(1e-9));
    }

    [Test]
    public void Update_NotFinite_Throws()
    {
        Assert.That(() => Estimator().Update(double.NaN, 0, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
