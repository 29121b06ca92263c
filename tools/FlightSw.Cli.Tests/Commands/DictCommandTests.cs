using FlightSw.Cli.Tests.Fixtures;
using FlightSw.Core.Commands;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;

namespace FlightSw.Cli.Tests.Commands;

[TestFixture]
[CancelAfter(120_000)]
public class DictCommandTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("flightsw-dict-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Run_NoNode_XtceOfTheFlightImageWithItsCommandsAndChannels()
    {
        string path = Path.Combine(_directory, "node.xtce.xml");

        var run = CliRun.Of(["dict", "--xtce", path]);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var dictionary = XtceReader.Read(File.ReadAllText(path), path);
        Assert.That(dictionary.NodeName, Is.EqualTo("flightsw-node"));
        Assert.That(dictionary.FindCommand("CMD_NOOP"), Is.Not.Null);
        var set = dictionary.FindCommand("PRM_SET")!;
        Assert.That(set.Arguments.Select(a => a.Name), Is.EqualTo(new[] { "name", "value" }));
        Assert.That(set.Arguments[0].Type, Is.EqualTo(CommandArgumentType.String));
        Assert.That(dictionary.Channels, Has.Count.GreaterThan(10));
        Assert.That(dictionary.Channels.Any(c => c.Type == TelemetryType.Enumeration && c.EnumLabels.Count > 0), Is.True);
        Assert.That(run.Out, Does.Contain($"{dictionary.Commands.Count} commands").And.Contain(path));
    }

    [Test]
    public void Run_FromALiveLink_TheNodesDictionary()
    {
        string path = Path.Combine(_directory, "live.xtce.xml");
        using var node = new LinkOnlyNode(TestDictionary.Create());

        var run = CliRun.Of(["dict", "--xtce", path, "--node", node.Address]);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(XtceReader.Read(File.ReadAllText(path), path), Is.EqualTo(node.Dictionary));
    }

    [Test]
    public void Run_NoXtceOption_ExitTwo()
    {
        var run = CliRun.Of(["dict"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--xtce"));
    }

    [Test]
    public void Run_UnreachableNode_ExitThreeAndNoFile()
    {
        string path = Path.Combine(_directory, "none.xml");

        var run = CliRun.Of(["dict", "--xtce", path, "--node", Ports.Unreachable()]);

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(File.Exists(path), Is.False);
    }
}
