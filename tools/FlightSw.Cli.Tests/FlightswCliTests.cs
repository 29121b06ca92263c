using FlightSw.Cli.Tests.Fixtures;

namespace FlightSw.Cli.Tests;

[TestFixture]
public class FlightswCliTests
{
    [Test]
    public void Run_UnknownOption_ExitTwoWithOneLine()
    {
        var run = CliRun.Of(["tlm", "--bogus"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("flightsw: ").And.Contain("--bogus").And.Contain("flightsw tlm --help"));
    }

    [Test]
    public void Run_MistypedOptionWhereArgumentsAreTaken_ExitTwoInsteadOfSendingIt()
    {
        var run = CliRun.Of(["cmd", "CMD_NOOP", "--timout", "3"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("unknown option '--timout'"));
    }

    [Test]
    public void Run_ArgumentsAfterDoubleDash_TakenAsTheyAre()
    {
        var run = CliRun.Of(["cmd", "--node", "bad", "--", "PRM_SET", "--x", "-5"]);

        // It got as far as the address, so the arguments were accepted.
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'bad' is not a node address"));
    }

    [Test]
    public void Run_NegativeNumberArgument_NotTakenForAnOption()
    {
        var run = CliRun.Of(["cmd", "PRM_SET", "x", "-5", "--node", "bad"]);

        Assert.That(run.Error, Does.Contain("'bad' is not a node address"));
    }

    [Test]
    public void Run_NoCommand_ExitTwo()
    {
        var run = CliRun.Of([]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("flightsw --help"));
    }

    [Test]
    public void Run_UnknownCommand_ExitTwo()
    {
        Assert.That(CliRun.Of(["launch"]).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Run_CmdWithoutName_ExitTwo()
    {
        var run = CliRun.Of(["cmd"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
    }

    [Test]
    public void Run_Help_ExitZeroListingTheCommands()
    {
        var run = CliRun.Of(["--help"]);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("tlm").And.Contain("cmd").And.Contain("dict").And.Contain("keygen"));
    }

    [Test]
    public void Run_CommandHelp_ExitZeroDescribingItsOptions()
    {
        var run = CliRun.Of(["cmd", "--help"]);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("--node").And.Contain("--key-file").And.Contain("--timeout"));
    }
}
