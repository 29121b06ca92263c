using FlightSw.Core.Commands;
using FlightSw.Core.Modes;

namespace FlightSw.Core.Tests.Commands;

public class CommandArgumentsTests
{
    private static CommandArguments Arguments() => new(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["count"] = 3,
        ["limit"] = 7u,
        ["big"] = 1L << 40,
        ["gain"] = 0.5,
        ["on"] = true,
        ["name"] = "led",
        ["mode"] = "Safe",
    });

    [Test]
    public void Getters_ArgumentsOfTheirType_ReturnTheValues()
    {
        var arguments = Arguments();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(arguments.GetInt32("count"), Is.EqualTo(3));
            Assert.That(arguments.GetUInt32("limit"), Is.EqualTo(7u));
            Assert.That(arguments.GetInt64("big"), Is.EqualTo(1L << 40));
            Assert.That(arguments.GetDouble("gain"), Is.EqualTo(0.5));
            Assert.That(arguments.GetBoolean("on"), Is.True);
            Assert.That(arguments.GetString("name"), Is.EqualTo("led"));
            Assert.That(arguments.GetEnum<FlightMode>("mode"), Is.EqualTo(FlightMode.Safe));
        }
    }

    [Test]
    public void Get_UnknownName_ThrowsKeyNotFound()
    {
        Assert.That(() => Arguments().GetInt32("Count"), Throws.TypeOf<KeyNotFoundException>().With.Message.EqualTo("The command has no argument 'Count'."));
    }

    [Test]
    public void Get_OtherType_ThrowsInvalidCastNamingBothTypes()
    {
        Assert.That(() => Arguments().GetDouble("count"), Throws.TypeOf<InvalidCastException>().With.Message.EqualTo("Argument 'count' is Int32, not Double."));
    }
}
