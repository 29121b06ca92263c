using FlightSw.Core.Commands;
using FlightSw.Core.Modes;
using NUnit.Framework.Constraints;

namespace FlightSw.Core.Tests.Commands;

public class CommandArgumentDefinitionTests
{
    [TestCase("0", 0)]
    [TestCase("100", 100)]
    [TestCase("-0", 0)]
    [TestCase("42", 42)]
    public void TryParse_Int32WithinBounds_ReturnsAnInt(string text, int expected)
    {
        var definition = CommandArgumentDefinition.Int32("value", "", 0, 100);

        bool ok = definition.TryParse(text, out var value, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(value, Is.TypeOf<int>().And.EqualTo(expected));
            Assert.That(error, Is.Empty);
        }
    }

    [TestCase("101", "argument 'value' must be between 0 and 100 (was 101)")]
    [TestCase("-1", "argument 'value' must be between 0 and 100 (was -1)")]
    [TestCase("1.5", "argument 'value' must be a whole number (was '1.5')")]
    [TestCase("ten", "argument 'value' must be a whole number (was 'ten')")]
    [TestCase("", "argument 'value' must be a whole number (was '')")]
    [TestCase("99999999999999999999", "argument 'value' must be a whole number (was '99999999999999999999')")]
    public void TryParse_Int32OutOfBoundsOrNotAWholeNumber_IsRefusedWithAReason(string text, string expected)
    {
        var definition = CommandArgumentDefinition.Int32("value", "", 0, 100);

        bool ok = definition.TryParse(text, out var value, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(value, Is.Null);
            Assert.That(error, Is.EqualTo(expected));
        }
    }

    [TestCase("2147483647", true)]
    [TestCase("2147483648", false)]
    [TestCase("-2147483648", true)]
    [TestCase("-2147483649", false)]
    public void TryParse_Int32DefaultBounds_AreTheInt32Range(string text, bool accepted)
    {
        bool ok = CommandArgumentDefinition.Int32("value", "").TryParse(text, out _, out _);

        Assert.That(ok, Is.EqualTo(accepted));
    }

    [TestCase("0", 0u, true)]
    [TestCase("4294967295", uint.MaxValue, true)]
    [TestCase("4294967296", 0u, false)]
    [TestCase("-1", 0u, false)]
    public void TryParse_UInt32_AcceptsTheUInt32RangeAsUInt(string text, uint expected, bool accepted)
    {
        bool ok = CommandArgumentDefinition.UInt32("count", "").TryParse(text, out var value, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.EqualTo(accepted));
            Assert.That(value, accepted ? (IResolveConstraint)Is.TypeOf<uint>().And.EqualTo(expected) : Is.Null);
        }
    }

    [Test]
    [SetCulture("de-DE")]
    public void TryParse_Float64UnderAGermanCulture_ReadsADecimalPoint()
    {
        bool ok = CommandArgumentDefinition.Float64("gain", "", -1, 1).TryParse("0.25", out var value, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(value, Is.TypeOf<double>().And.EqualTo(0.25));
        }
    }

    [TestCase("-1e3", -1000.0)]
    [TestCase("1.5E2", 150.0)]
    public void TryParse_Float64Exponent_IsAccepted(string text, double expected)
    {
        bool ok = CommandArgumentDefinition.Float64("x", "").TryParse(text, out var value, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(value, Is.EqualTo(expected));
        }
    }

    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-Infinity")]
    [TestCase("1e400")]
    [TestCase("0,25")]
    [TestCase("abc")]
    public void TryParse_Float64NotAFiniteNumber_IsRefused(string text)
    {
        bool ok = CommandArgumentDefinition.Float64("gain", "").TryParse(text, out var value, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(value, Is.Null);
            Assert.That(error, Is.EqualTo($"argument 'gain' must be a finite number (was '{text}')"));
        }
    }

    [Test]
    public void TryParse_Float64OutOfBounds_IsRefusedWithTheBounds()
    {
        bool ok = CommandArgumentDefinition.Float64("gain", "", -1, 1).TryParse("1.5", out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo("argument 'gain' must be between -1 and 1 (was 1.5)"));
        }
    }

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase("1", true)]
    [TestCase("false", false)]
    [TestCase("False", false)]
    [TestCase("0", false)]
    public void TryParse_BooleanForms_AreAccepted(string text, bool expected)
    {
        bool ok = CommandArgumentDefinition.Boolean("on", "").TryParse(text, out var value, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(value, Is.EqualTo(expected));
        }
    }

    [TestCase("yes")]
    [TestCase("2")]
    [TestCase("")]
    public void TryParse_BooleanOtherText_IsRefused(string text)
    {
        bool ok = CommandArgumentDefinition.Boolean("on", "").TryParse(text, out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo($"argument 'on' must be true or false (was '{text}')"));
        }
    }

    [TestCase("")]
    [TestCase("hello world ~!@#$%^&*()")]
    public void TryParse_PrintableAsciiString_IsAccepted(string text)
    {
        bool ok = CommandArgumentDefinition.String("text", "").TryParse(text, out var value, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(value, Is.EqualTo(text));
        }
    }

    [Test]
    public void TryParse_StringAtItsMaximumLength_IsAcceptedAndOneMoreIsRefused()
    {
        var definition = CommandArgumentDefinition.String("text", "");

        bool atMax = definition.TryParse(new string('a', 64), out _, out _);
        bool over = definition.TryParse(new string('a', 65), out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(CommandArgumentDefinition.DefaultMaxLength, Is.EqualTo(64));
            Assert.That(atMax, Is.True);
            Assert.That(over, Is.False);
            Assert.That(error, Is.EqualTo("argument 'text' is 65 characters long; at most 64 are allowed"));
        }
    }

    [Test]
    public void TryParse_StringLongerThanACustomMaximum_IsRefused()
    {
        bool ok = CommandArgumentDefinition.String("name", "", maxLength: 4).TryParse("abcde", out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo("argument 'name' is 5 characters long; at most 4 are allowed"));
        }
    }

    [TestCase("caf\u00e9")]
    [TestCase("line\nbreak")]
    [TestCase("tab\there")]
    [TestCase("nul\0")]
    [TestCase("del\u007f")]
    public void TryParse_StringWithNonPrintableOrNonAsciiCharacter_IsRefused(string text)
    {
        bool ok = CommandArgumentDefinition.String("text", "").TryParse(text, out var value, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(value, Is.Null);
            Assert.That(error, Is.EqualTo("argument 'text' must be printable ASCII"));
        }
    }

    [TestCase("safe", "Safe")]
    [TestCase("NOMINAL", "Nominal")]
    public void TryParse_EnumerationNameInAnyCase_ReturnsTheDeclaredName(string text, string expected)
    {
        var definition = CommandArgumentDefinition.Enumeration("mode", "", FlightMode.Nominal, FlightMode.Safe);

        bool ok = definition.TryParse(text, out var value, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(value, Is.EqualTo(expected));
        }
    }

    [TestCase("Boot")]
    [TestCase("1")]
    [TestCase("Survival")]
    public void TryParse_EnumerationValueNotAllowed_IsRefusedListingTheAllowedNames(string text)
    {
        var definition = CommandArgumentDefinition.Enumeration("mode", "", FlightMode.Nominal, FlightMode.Safe);

        bool ok = definition.TryParse(text, out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo($"argument 'mode' must be one of Nominal, Safe (was '{text}')"));
        }
    }

    [Test]
    public void Enumeration_NoValuesNamed_AllowsEveryValue()
    {
        var definition = CommandArgumentDefinition.Enumeration<FlightMode>("mode", "");

        Assert.That(definition.EnumNames, Is.EqualTo(new[] { "Boot", "Nominal", "Safe" }));
    }

    [Test]
    public void TryParse_Null_IsRefusedAsMissing()
    {
        bool ok = CommandArgumentDefinition.String("text", "").TryParse(null!, out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo("argument 'text' is missing"));
        }
    }

    [Test]
    public void TryParse_LongInvalidText_IsClippedInTheReason()
    {
        string text = new('x', 40);

        CommandArgumentDefinition.Int32("value", "").TryParse(text, out _, out string error);

        Assert.That(error, Is.EqualTo($"argument 'value' must be a whole number (was '{new string('x', 32)}...')"));
    }

    [Test]
    public void Factories_DeclareTypeAndBounds()
    {
        using (Assert.EnterMultipleScope())
        {
            var int32 = CommandArgumentDefinition.Int32("a", "an int", -5, 5);
            Assert.That((int32.Name, int32.Type, int32.Description, int32.Min, int32.Max), Is.EqualTo(("a", CommandArgumentType.Int32, "an int", (double?)-5, (double?)5)));
            var uint32 = CommandArgumentDefinition.UInt32("b", "");
            Assert.That((uint32.Type, uint32.Min, uint32.Max), Is.EqualTo((CommandArgumentType.UInt32, (double?)0, (double?)uint.MaxValue)));
            var boolean = CommandArgumentDefinition.Boolean("c", "");
            Assert.That((boolean.Type, boolean.Min, boolean.Max), Is.EqualTo((CommandArgumentType.Boolean, (double?)null, (double?)null)));
            Assert.That(CommandArgumentDefinition.String("d", "").Type, Is.EqualTo(CommandArgumentType.String));
            Assert.That(CommandArgumentDefinition.Float64("e", "").Type, Is.EqualTo(CommandArgumentType.Float64));
        }
    }

    [TestCase("")]
    [TestCase(" ")]
    public void Factories_BlankName_ThrowArgumentException(string name)
    {
        Assert.That(() => CommandArgumentDefinition.Int32(name, ""), Throws.ArgumentException);
    }
}
