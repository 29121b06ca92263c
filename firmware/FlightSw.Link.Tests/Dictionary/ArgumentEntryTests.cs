using FlightSw.Core.Commands;
using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

public class ArgumentEntryTests
{
    [Test]
    public void Equals_SameContentInDifferentLists_Equal()
    {
        var a = new ArgumentEntry("mode", CommandArgumentType.Enumeration, "", null, null, null, new List<string> { "SAFE", "NOMINAL" });
        var b = new ArgumentEntry("mode", CommandArgumentType.Enumeration, "", null, null, null, ["SAFE", "NOMINAL"]);

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a == b, Is.True);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
    }

    [Test]
    public void Equals_EnumNamesInAnotherOrder_NotEqual()
    {
        var a = new ArgumentEntry("mode", CommandArgumentType.Enumeration, "", null, null, null, ["SAFE", "NOMINAL"]);

        Assert.That(a with { EnumNames = ["NOMINAL", "SAFE"] }, Is.Not.EqualTo(a));
    }

    [Test]
    public void Equals_AnyMemberChanged_NotEqual()
    {
        var a = new ArgumentEntry("count", CommandArgumentType.Int32, "How many", -5, 5, null, []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(a with { Name = "n" }, Is.Not.EqualTo(a));
            Assert.That(a with { Type = CommandArgumentType.Int64 }, Is.Not.EqualTo(a));
            Assert.That(a with { Description = "" }, Is.Not.EqualTo(a));
            Assert.That(a with { Min = -6 }, Is.Not.EqualTo(a));
            Assert.That(a with { Max = null }, Is.Not.EqualTo(a));
            Assert.That(a with { MaxLength = 3 }, Is.Not.EqualTo(a));
        }
    }

    [Test]
    public void From_StringArgument_KeepsItsMaxLength()
    {
        var entry = ArgumentEntry.From(CommandArgumentDefinition.String("text", "Free text", 12));

        Assert.That(entry, Is.EqualTo(new ArgumentEntry("text", CommandArgumentType.String, "Free text", null, null, 12, [])));
    }

    [Test]
    public void From_NumericArgument_KeepsItsBoundsAndNoLength()
    {
        var entry = ArgumentEntry.From(CommandArgumentDefinition.UInt32("word", "A word", 1, 9));

        Assert.That(entry, Is.EqualTo(new ArgumentEntry("word", CommandArgumentType.UInt32, "A word", 1, 9, null, [])));
    }

    [Test]
    public void ToString_ShowsTheEnumNames()
    {
        var entry = new ArgumentEntry("mode", CommandArgumentType.Enumeration, "", null, null, null, ["SAFE", "NOMINAL"]);

        Assert.That(entry.ToString(), Does.Contain("EnumNames = [SAFE, NOMINAL]"));
    }
}
