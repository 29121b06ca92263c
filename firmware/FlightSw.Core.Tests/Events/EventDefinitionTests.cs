using FlightSw.Core.Events;

namespace FlightSw.Core.Tests.Events;

public class EventDefinitionTests
{
    [Test]
    public void Constructor_TemplateWithPlaceholders_NamesTheArgumentsInTemplateOrder()
    {
        var definition = new EventDefinition(0x0301, "MODE_CHANGED", EventSeverity.ActivityHigh, "Mode {from} -> {to}: {reason}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition.ArgumentNames, Is.EqualTo(new[] { "from", "to", "reason" }));
            Assert.That(definition.Id, Is.EqualTo(0x0301));
            Assert.That(definition.Name, Is.EqualTo("MODE_CHANGED"));
            Assert.That(definition.Severity, Is.EqualTo(EventSeverity.ActivityHigh));
            Assert.That(definition.Template, Is.EqualTo("Mode {from} -> {to}: {reason}"));
            Assert.That(definition.Component, Is.Empty);
        }
    }

    [Test]
    public void Constructor_TemplateWithoutPlaceholders_TakesNoArguments()
    {
        var definition = new EventDefinition(1, "PLAIN", EventSeverity.Diagnostic, "Nothing to fill in");

        Assert.That(definition.ArgumentNames, Is.Empty);
    }

    [Test]
    public void Constructor_BracesAroundNonIdentifiers_AreNotPlaceholders()
    {
        var definition = new EventDefinition(1, "BRACES", EventSeverity.Diagnostic, "{0} { spaced } {} {9lives} {ok_1} {_x}");

        Assert.That(definition.ArgumentNames, Is.EqualTo(new[] { "ok_1", "_x" }));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Constructor_BlankName_ThrowsArgumentException(string name)
    {
        Assert.That(() => new EventDefinition(1, name, EventSeverity.Diagnostic, "x"), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_NullTemplate_ThrowsArgumentNullException()
    {
        Assert.That(() => new EventDefinition(1, "NAME", EventSeverity.Diagnostic, null!), Throws.ArgumentNullException);
    }
}
