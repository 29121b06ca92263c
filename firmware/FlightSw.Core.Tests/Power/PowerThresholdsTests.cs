using FlightSw.Core.Power;

namespace FlightSw.Core.Tests.Power;

public class PowerThresholdsTests
{
    private static readonly PowerThresholds Defaults = new();

    [TestCase(PowerMode.Nominal, 0.55, PowerMode.Nominal)]
    [TestCase(PowerMode.Nominal, 0.49, PowerMode.PowerSave)]
    [TestCase(PowerMode.PowerSave, 0.59, PowerMode.PowerSave)]
    [TestCase(PowerMode.PowerSave, 0.61, PowerMode.Nominal)]
    [TestCase(PowerMode.PowerSave, 0.29, PowerMode.Safe)]
    [TestCase(PowerMode.Safe, 0.35, PowerMode.Safe)]
    [TestCase(PowerMode.Safe, 0.45, PowerMode.PowerSave)]
    [TestCase(PowerMode.Survival, 0.24, PowerMode.Survival)]
    [TestCase(PowerMode.Survival, 0.26, PowerMode.Safe)]
    public void Next_OneRungAway_StepsOnlyPastTheThreshold(PowerMode current, double soc, PowerMode expected)
    {
        Assert.That(Defaults.Next(current, soc), Is.EqualTo(expected));
    }

    [TestCase(PowerMode.Nominal, 0.10, PowerMode.Survival)]
    [TestCase(PowerMode.Nominal, 0.20, PowerMode.Safe)]
    [TestCase(PowerMode.Survival, 0.95, PowerMode.Nominal)]
    [TestCase(PowerMode.Survival, 0.50, PowerMode.PowerSave)]
    [TestCase(PowerMode.Safe, 0.05, PowerMode.Survival)]
    public void Next_SeveralRungsAway_GoesStraightToTheRightRung(PowerMode current, double soc, PowerMode expected)
    {
        Assert.That(Defaults.Next(current, soc), Is.EqualTo(expected));
    }

    [TestCase(PowerMode.Nominal, 0.50)]
    [TestCase(PowerMode.PowerSave, 0.60)]
    [TestCase(PowerMode.PowerSave, 0.30)]
    [TestCase(PowerMode.Safe, 0.40)]
    [TestCase(PowerMode.Survival, 0.25)]
    public void Next_ExactlyAtAThreshold_StaysPut(PowerMode current, double soc)
    {
        Assert.That(Defaults.Next(current, soc), Is.EqualTo(current));
    }

    [Test]
    public void Next_NaN_StaysPut()
    {
        Assert.That(Defaults.Next(PowerMode.Safe, double.NaN), Is.EqualTo(PowerMode.Safe));
    }

    [Test]
    public void Next_EveryChargeBetweenEnterAndLeave_KeepsEitherSideWhereItIs()
    {
        using (Assert.EnterMultipleScope())
        {
            for (double soc = 0.501; soc < 0.6; soc += 0.001)
            {
                Assert.That(Defaults.Next(PowerMode.Nominal, soc), Is.EqualTo(PowerMode.Nominal), $"at {soc}");
                Assert.That(Defaults.Next(PowerMode.PowerSave, soc), Is.EqualTo(PowerMode.PowerSave), $"at {soc}");
            }
        }
    }

    [Test]
    public void IsValid_Defaults_IsTrue()
    {
        Assert.That(Defaults.IsValid(out string error), Is.True, error);
    }

    [Test]
    public void IsValid_EnterNotBelowLeave_IsFalseNamingTheRung()
    {
        var thresholds = Defaults with { SafeEnter = 0.40 };

        Assert.That(thresholds.IsValid(out string error), Is.False);
        Assert.That(error, Does.Contain("Safe enter threshold 0.4 must lie below its leave threshold 0.4"));
    }

    [Test]
    public void IsValid_RungsOutOfOrder_IsFalse()
    {
        var thresholds = Defaults with { SurvivalEnter = 0.35, SurvivalLeave = 0.38 };

        Assert.That(thresholds.IsValid(out string error), Is.False);
        Assert.That(error, Does.StartWith("Survival thresholds"));
    }

    [Test]
    public void IsValid_ThresholdOutsideZeroToOne_IsFalse()
    {
        Assert.That((Defaults with { PowerSaveLeave = 1.2 }).IsValid(out _), Is.False);
    }

    [Test]
    public void EnterOf_Nominal_Throws()
    {
        Assert.That(() => Defaults.EnterOf(PowerMode.Nominal), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
