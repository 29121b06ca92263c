using FlightSw.Sim.Faults;

namespace FlightSw.Sim.Tests.Faults;

public class UpsetInjectorOptionsTests
{
    [Test]
    public void Constructor_Defaults_AreOffWithTheAlsat1MultiBitShareOfTwoBits()
    {
        var options = new UpsetInjectorOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.RatePerBitPerDay, Is.Zero);
            Assert.That(options.MultiBitFraction, Is.EqualTo(0.0122));
            Assert.That(options.MultiBitSize, Is.EqualTo(2));
            Assert.That(UpsetInjectorOptions.Alsat1RatePerBitPerDay, Is.EqualTo(4.04e-7));
            Assert.That(() => options.Validate(), Throws.Nothing);
        }
    }

    [TestCase(0.0)]
    [TestCase(UpsetInjectorOptions.Alsat1RatePerBitPerDay)]
    [TestCase(1e6)]
    public void Validate_RateZeroOrPositive_Passes(double rate)
    {
        Assert.That(() => new UpsetInjectorOptions { RatePerBitPerDay = rate }.Validate(), Throws.Nothing);
    }

    [TestCase(-1e-9)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Validate_RateNegativeOrNotFinite_ThrowsNamingTheRate(double rate)
    {
        Assert.That(
            () => new UpsetInjectorOptions { RatePerBitPerDay = rate }.Validate(),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(nameof(UpsetInjectorOptions.RatePerBitPerDay)));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    public void Validate_FractionAtTheEnds_Passes(double fraction)
    {
        Assert.That(() => new UpsetInjectorOptions { MultiBitFraction = fraction }.Validate(), Throws.Nothing);
    }

    [TestCase(-0.01)]
    [TestCase(1.01)]
    [TestCase(double.NaN)]
    public void Validate_FractionOutsideZeroToOne_ThrowsNamingTheFraction(double fraction)
    {
        Assert.That(
            () => new UpsetInjectorOptions { MultiBitFraction = fraction }.Validate(),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(nameof(UpsetInjectorOptions.MultiBitFraction)));
    }

    [TestCase(2)]
    [TestCase(8)]
    public void Validate_SizeFromTwoToEight_Passes(int size)
    {
        Assert.That(() => new UpsetInjectorOptions { MultiBitSize = size }.Validate(), Throws.Nothing);
    }

    [TestCase(1)]
    [TestCase(9)]
    public void Validate_SizeOutsideTwoToEight_ThrowsNamingTheSize(int size)
    {
        Assert.That(
            () => new UpsetInjectorOptions { MultiBitSize = size }.Validate(),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(nameof(UpsetInjectorOptions.MultiBitSize)));
    }
}
