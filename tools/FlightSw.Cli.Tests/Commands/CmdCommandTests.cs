using FlightSw.Cli.Tests.Fixtures;
using FlightSw.Core.Commands;
using FlightSw.Link.Security;

namespace FlightSw.Cli.Tests.Commands;

[TestFixture]
[CancelAfter(60_000)]
public class CmdCommandTests
{
    [Test]
    public void Run_UnreachablePort_ExitThreeWithOneClearLine()
    {
        string address = Ports.Unreachable();

        var run = CliRun.Of(["cmd", "CMD_NOOP", "--node", address, "--timeout", "2"]);

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.ErrorLines.Last(), Does.StartWith("flightsw: ").And.Contain(address));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Run_NoKeyFile_WarnsThatOnlyADevelopmentNodeAcceptsIt()
    {
        var run = CliRun.Of(["cmd", "CMD_NOOP", "--node", Ports.Unreachable()]);

        Assert.That(run.ErrorLines[0], Does.Contain("development key").And.Contain("development mode"));
    }

    [Test]
    public void Run_MalformedNode_ExitTwo()
    {
        var run = CliRun.Of(["cmd", "CMD_NOOP", "--node", "nowhere"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'nowhere' is not a node address"));
    }

    [Test]
    public void Run_BadTimeout_ExitTwo()
    {
        var run = CliRun.Of(["cmd", "CMD_NOOP", "--timeout", "0"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--timeout"));
    }

    [Test]
    public void Run_MissingKeyFile_ExitTwoNamingIt()
    {
        var run = CliRun.Of(["cmd", "CMD_NOOP", "--key-file", "/nonexistent/link.key"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("/nonexistent/link.key"));
    }

    [Test]
    public void Run_NodeCompletes_ExitZeroAndBothAcknowledgementsPrinted()
    {
        using var node = new LinkOnlyNode(TestDictionary.Create());

        var run = CliRun.Of(["cmd", "PRM_SET", "threshold", "-2.5", "--node", node.Address]);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("PRM_SET: accepted (sequence 2)").And.Contain("PRM_SET: completed: done"));
    }

    [Test]
    public void Run_NodeFailsTheCommand_ExitOneWithStatusAndMessage()
    {
        using var node = new LinkOnlyNode(TestDictionary.Create())
        {
            OnCommand = request => new CommandResponse(request.Command, CommandStatus.InvalidArguments, "argument 'value' must be a finite number"),
        };

        var run = CliRun.Of(["cmd", "PRM_SET", "x", "nan", "--node", node.Address]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Out, Does.Contain("PRM_SET: failed (InvalidArguments): argument 'value' must be a finite number"));
    }

    [Test]
    public void Run_CommandNotInTheDictionary_ExitTwoWithAHint()
    {
        using var node = new LinkOnlyNode(TestDictionary.Create());

        var run = CliRun.Of(["cmd", "cmd_noop", "--node", node.Address]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("did you mean CMD_NOOP?"));
    }

    [Test]
    public void Run_DevelopmentKeyOnASecureNode_ExitOneWithTheRefusal()
    {
        var key = new LinkKey(1, new byte[32]);
        using var node = new LinkOnlyNode(TestDictionary.Create(), new KeyRing([key]), developmentMode: false);

        var run = CliRun.Of(["cmd", "CMD_NOOP", "--node", node.Address]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Last(), Does.Contain("DevelopmentKeyRefused").And.Contain("--key-file"));
    }

    [Test]
    public void Run_KeyFileFromTheEnvironment_SignsWithItsKey()
    {
        string directory = Directory.CreateTempSubdirectory("flightsw-cmd-").FullName;
        try
        {
            string path = Path.Combine(directory, "link.key");
            KeyRing.WriteNew(path, 5);
            using var node = new LinkOnlyNode(TestDictionary.Create(), KeyRing.LoadFile(path), developmentMode: false);

            var run = CliRun.Of(["cmd", "CMD_NOOP", "--node", node.Address], new Dictionary<string, string> { ["FLIGHTSW_KEY_FILE"] = path });

            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Error, Is.Empty);
            Assert.That(node.Service.HighestSequences, Does.Contain(new KeyValuePair<ushort, ulong>(5, 2)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
