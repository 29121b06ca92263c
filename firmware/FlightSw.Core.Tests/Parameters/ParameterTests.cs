using FlightSw.Core.Parameters;

namespace FlightSw.Core.Tests.Parameters;

public class ParameterTests
{
    private static Parameter<double> OverTemperature() =>
        new(0x1001, "BRD_OVERTEMP_C", 85.0, -40.0, 125.0, "degC", "Board temperature above which an overtemperature is reported");

    [Test]
    public void Constructor_ValidBounds_StartsAtTheDefault()
    {
        var parameter = OverTemperature();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameter.Value, Is.EqualTo(85.0));
            Assert.That(parameter.Default, Is.EqualTo(85.0));
            Assert.That(parameter.Min, Is.EqualTo(-40.0));
            Assert.That(parameter.Max, Is.EqualTo(125.0));
            Assert.That(parameter.IsDefault, Is.True);
            Assert.That(parameter.Unit, Is.EqualTo("degC"));
            Assert.That(parameter.RangeText, Is.EqualTo("[-40, 125]"));
        }
    }

    [TestCase(11, 0, 10)]
    [TestCase(-1, 0, 10)]
    [TestCase(5, 10, 0)]
    public void Constructor_DefaultOutsideBoundsOrBoundsReversed_ThrowsArgumentException(int defaultValue, int min, int max)
    {
        Assert.That(
            () => new Parameter<int>(1, "P", defaultValue, min, max, "", ""),
            Throws.ArgumentException.With.Message.EqualTo($"Parameter P: default {defaultValue} must lie in [{min}, {max}]."));
    }

    [Test]
    public void Constructor_NaNDefault_ThrowsArgumentException()
    {
        Assert.That(() => new Parameter<double>(1, "P", double.NaN, 0, 1, "", ""), Throws.ArgumentException);
    }

    [TestCase(-40.0)]
    [TestCase(0.5)]
    [TestCase(125.0)]
    public void TrySet_ValueWithinInclusiveBounds_IsAccepted(double value)
    {
        var parameter = OverTemperature();

        bool ok = parameter.TrySet(value, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(error, Is.Empty);
            Assert.That(parameter.Value, Is.EqualTo(value));
            Assert.That(parameter.IsDefault, Is.False);
        }
    }

    [TestCase(-40.5, "-40.5")]
    [TestCase(125.25, "125.25")]
    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "Infinity")]
    public void TrySet_ValueOutsideBounds_IsRefusedAndTheValueKept(double value, string shown)
    {
        var parameter = OverTemperature();

        bool ok = parameter.TrySet(value, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo($"BRD_OVERTEMP_C must lie in [-40, 125] (was {shown})"));
            Assert.That(parameter.Value, Is.EqualTo(85.0));
        }
    }

    [Test]
    [SetCulture("de-DE")]
    public void TrySetText_DecimalPointUnderAGermanCulture_ParsesInvariant()
    {
        var parameter = OverTemperature();

        bool ok = parameter.TrySetText("70.5", out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(parameter.Value, Is.EqualTo(70.5));
            Assert.That(parameter.ValueText, Is.EqualTo("70.5"));
            Assert.That(parameter.DefaultText, Is.EqualTo("85"));
        }
    }

    [TestCase("8,5")]
    [TestCase("1,000")]
    public void TrySetText_CommaInANumber_IsRefusedNotReadAsAGroupSeparator(string text)
    {
        // An operator typing a decimal comma must not get a value ten times too large.
        var parameter = OverTemperature();

        bool ok = parameter.TrySetText(text, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo($"BRD_OVERTEMP_C takes a Double value (was '{text}')"));
            Assert.That(parameter.Value, Is.EqualTo(85.0));
        }
    }

    [TestCase("hot")]
    [TestCase("")]
    public void TrySetText_NotANumber_IsRefused(string text)
    {
        var parameter = OverTemperature();

        bool ok = parameter.TrySetText(text, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo($"BRD_OVERTEMP_C takes a Double value (was '{text}')"));
        }
    }

    [Test]
    public void TrySetText_OutOfRange_IsRefusedWithTheRange()
    {
        var parameter = OverTemperature();

        bool ok = parameter.TrySetText("200", out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo("BRD_OVERTEMP_C must lie in [-40, 125] (was 200)"));
        }
    }

    [Test]
    public void TrySetText_IntegerParameterGivenAFraction_IsRefused()
    {
        var parameter = new Parameter<int>(1, "RETRIES", 3, 1, 5, "", "");

        bool ok = parameter.TrySetText("2.5", out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo("RETRIES takes a Int32 value (was '2.5')"));
        }
    }

    [Test]
    public void TrySetText_BooleanParameter_AcceptsTrueAndFalse()
    {
        var parameter = new Parameter<bool>(1, "ENABLED", false, false, true, "", "");

        bool ok = parameter.TrySetText("true", out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(parameter.Value, Is.True);
            Assert.That(parameter.ValueText, Is.EqualTo("True"));
            Assert.That(parameter.RangeText, Is.EqualTo("[False, True]"));
        }
    }

    [Test]
    public void ValueText_RoundTripsThroughTrySetText()
    {
        var parameter = OverTemperature();
        parameter.TrySet(0.1 + 0.2, out _);
        var copy = OverTemperature();

        copy.TrySetText(parameter.ValueText, out _);

        Assert.That(copy.Value, Is.EqualTo(parameter.Value));
    }

    [Test]
    public void ResetToDefault_AfterAChange_RestoresTheDefault()
    {
        var parameter = OverTemperature();
        parameter.TrySet(60.0, out _);

        parameter.ResetToDefault();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameter.Value, Is.EqualTo(85.0));
            Assert.That(parameter.IsDefault, Is.True);
        }
    }
}
