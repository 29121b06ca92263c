using FlightSw.Core.Commands;
using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

public class CommandEntryTests
{
    private static readonly CommandEntry Command = new(0x0401, "MODE_SET", "modes", "Sets the mode", [
        new ArgumentEntry("mode", CommandArgumentType.Enumeration, "Target", null, null, null, ["SAFE", "NOMINAL"]),
    ]);

    [Test]
    public void Equals_SameContentInOtherListInstances_Equal()
    {
        var copy = Command with { Arguments = Command.Arguments.Select(a => a with { EnumNames = a.EnumNames.ToList() }).ToList() };

        Assert.That(copy, Is.EqualTo(Command));
        Assert.That(copy.GetHashCode(), Is.EqualTo(Command.GetHashCode()));
    }

    [Test]
    public void Equals_AnArgumentChanged_NotEqual()
    {
        var changed = Command with { Arguments = [Command.Arguments[0] with { Description = "other" }] };

        Assert.That(changed, Is.Not.EqualTo(Command));
    }

    [Test]
    public void Equals_ArgumentMissing_NotEqual()
    {
        Assert.That(Command with { Arguments = [] }, Is.Not.EqualTo(Command));
    }

    [Test]
    public void ToString_ShowsTheOpcodeAndArguments()
    {
        Assert.That(Command.ToString(), Does.Contain("Opcode = 0x0401").And.Contain("Name = mode"));
    }
}
