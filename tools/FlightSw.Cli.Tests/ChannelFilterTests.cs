using FlightSw.Cli.Tests.Fixtures;

namespace FlightSw.Cli.Tests;

[TestFixture]
public class ChannelFilterTests
{
    [Test]
    public void Shows_NoPattern_EveryChannel()
    {
        Assert.That(ChannelFilter.Of([]).Shows("ANYTHING"), Is.True);
    }

    [Test]
    public void Shows_NamesAndPrefixes_MatchingCaseInsensitively()
    {
        var filter = ChannelFilter.Of(["mode_current", "POWER_*"]);

        Assert.Multiple(() =>
        {
            Assert.That(filter.Shows("MODE_CURRENT"), Is.True);
            Assert.That(filter.Shows("POWER_SOC"), Is.True);
            Assert.That(filter.Shows("MODE_CURRENT_X"), Is.False);
            Assert.That(filter.Shows("BRD_BUS_V"), Is.False);
        });
    }

    [Test]
    public void RequireMatches_PatternMatchingNothing_CliExceptionNamingIt()
    {
        var ex = Assert.Throws<CliException>(() => ChannelFilter.Of(["BRD_*", "NOPE"]).RequireMatches(TestDictionary.Create()));

        Assert.That(ex!.ExitCode, Is.EqualTo(2));
        Assert.That(ex.Message, Does.Contain("NOPE").And.Not.Contain("BRD_*"));
    }
}
