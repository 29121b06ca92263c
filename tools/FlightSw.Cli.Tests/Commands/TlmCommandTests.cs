using FlightSw.Cli.Tests.Fixtures;
using FlightSw.Core.Telemetry;

namespace FlightSw.Cli.Tests.Commands;

[TestFixture]
[CancelAfter(60_000)]
public class TlmCommandTests
{
    [Test]
    public void Run_UnreachablePort_ExitThreeWithOneClearLine()
    {
        string address = Ports.Unreachable();

        var run = CliRun.Of(["tlm", "--node", address, "--once"]);

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.ErrorLines.Last(), Does.StartWith("flightsw: ").And.Contain(address).And.Contain("flightsw-node --link"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Run_BadDuration_ExitTwo()
    {
        var run = CliRun.Of(["tlm", "--duration", "-3"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--duration"));
    }

    [Test]
    public void Run_Once_OneTableAfterTheFirstHousekeepingReport()
    {
        using var node = new LinkOnlyNode(TestDictionary.Create());
        var time = new DateTimeOffset(2030, 5, 6, 7, 8, 9, 250, TimeSpan.Zero);
        var publisher = Task.Run(() => node.PublishWhenConnected(
            [
                new TelemetrySample(TestDictionary.BusVolts, "BRD_BUS_V", 5.05, time, 3),
                new TelemetrySample(TestDictionary.Mode, "MODE_CURRENT", 1, time, 1),
            ],
            TimeSpan.FromSeconds(10)));

        var run = CliRun.Of(["tlm", "--node", node.Address, "--once"]);

        Assert.That(publisher.Result, Is.True);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        string row = run.Out.Split('\n').Single(line => line.Contains("BRD_BUS_V", StringComparison.Ordinal));
        Assert.That(row, Does.Contain("5.05").And.Contain(" V ").And.Contain("07:08:09.250"));
        Assert.That(run.Out.Split('\n').Single(line => line.Contains("MODE_CURRENT", StringComparison.Ordinal)), Does.Contain("NOMINAL"));
        Assert.That(run.Out, Does.Contain("test-node on test-board, board time 2030-05-06 UTC"));
    }

    [Test]
    public void Run_ChannelPatterns_OnlyThoseChannels()
    {
        using var node = new LinkOnlyNode(TestDictionary.Create());
        var publisher = Task.Run(() => node.PublishWhenConnected(
            [new TelemetrySample(TestDictionary.BusVolts, "BRD_BUS_V", 5.0, DateTimeOffset.UnixEpoch, 1)],
            TimeSpan.FromSeconds(10)));

        var run = CliRun.Of(["tlm", "brd_*", "--node", node.Address, "--once"]);

        Assert.That(publisher.Result, Is.True);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("BRD_BUS_V").And.Not.Contain("MODE_CURRENT"));
    }

    [Test]
    public void Run_ChannelPatternMatchingNothing_ExitTwoNamingIt()
    {
        using var node = new LinkOnlyNode(TestDictionary.Create());

        var run = CliRun.Of(["tlm", "NO_SUCH", "XYZ_*", "--node", node.Address, "--once"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Last(), Does.Contain("NO_SUCH, XYZ_*"));
    }

    [Test]
    public void Run_NoHousekeepingWithinTheDuration_ExitThreeSayingSo()
    {
        using var node = new LinkOnlyNode(TestDictionary.Create());

        var run = CliRun.Of(["tlm", "--node", node.Address, "--once", "--duration", "0.5"]);

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.ErrorLines.Last(), Does.Contain("no housekeeping report").And.Contain("0.5 s"));
    }
}
