using System.Runtime.Versioning;
using FlightSw.Hal.Boards;
using FlightSw.Link.Security;
using FlightSw.Node.Link;

namespace FlightSw.Node.Tests.Link;

public class NodeLinkTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("flightsw-link-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void TryOpen_SimulatedBoardWithoutLinkOptions_NoLink()
    {
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), NodeLinkOptions.None, TimeProvider.System, error, out var link), Is.True, error.ToString());
        Assert.That(link, Is.Null);
    }

    [Test]
    public void TryOpen_FreePortAndKeyFile_ListensOnLoopbackAndSaysWhere()
    {
        string keys = KeyFile();
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions(["tcp:0"], keys), TimeProvider.System, error, out var link), Is.True, error.ToString());
        using (link)
        {
            Assert.Multiple(() =>
            {
                Assert.That(link!.Listening.Single(), Does.StartWith("tcp 127.0.0.1:"));
                Assert.That(error.ToString(), Does.Contain("link: listening on tcp 127.0.0.1:"));
                Assert.That(link.Service.Options.Keys.Keys, Has.Count.EqualTo(1));
                Assert.That(link.Service.Options.DevelopmentMode, Is.False);
            });
        }
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void TryOpen_KeyFileReadableByOthers_RefusedNamingTheFileAndTheFix()
    {
        string keys = KeyFile();
        File.SetUnixFileMode(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions(["tcp:0"], keys), TimeProvider.System, error, out var link), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(link, Is.Null);
            Assert.That(error.ToString(), Does.Contain("--key-file").And.Contain(keys).And.Contain("chmod 600"));
        });
    }

    [Test]
    public void TryOpen_MissingKeyFileOnTheCommandLine_Refused()
    {
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions(["tcp:0"], Path.Combine(_directory, "absent.keys")), TimeProvider.System, error, out _), Is.False);
        Assert.That(error.ToString(), Does.Contain("absent.keys"));
    }

    [Test]
    public void TryOpen_NoKeyAtAll_OpensButSaysEveryCommandWillBeRefused()
    {
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions(["tcp:0"]), TimeProvider.System, error, out var link), Is.True, error.ToString());
        using (link)
        {
            Assert.Multiple(() =>
            {
                Assert.That(link!.Service.Options.Keys.IsEmpty, Is.True);
                Assert.That(error.ToString(), Does.Contain("every telecommand will be refused"));
            });
        }
    }

    [Test]
    public void TryOpen_InsecureDevelopmentLink_WarnsLoudly()
    {
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions(["tcp:0"], InsecureDevelopmentLink: true), TimeProvider.System, error, out var link), Is.True);
        using (link)
        {
            Assert.Multiple(() =>
            {
                Assert.That(link!.Service.Options.DevelopmentMode, Is.True);
                Assert.That(error.ToString(), Does.Contain("WARNING: INSECURE DEVELOPMENT LINK"));
            });
        }
    }

    [Test]
    public void TryOpen_MalformedEndpoint_RefusedWithTheAcceptedForms()
    {
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions(["udp:9"]), TimeProvider.System, error, out _), Is.False);
        Assert.That(error.ToString(), Does.StartWith("--link: 'udp:9' is not a link endpoint"));
    }

    [Test]
    public void TryOpen_GroundClockOnALinuxBoard_Refused()
    {
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(BoardCatalog.Locate().Load("rpi4"), new NodeLinkOptions(["tcp:0"], GroundClock: true), TimeProvider.System, error, out _), Is.False);
        Assert.That(error.ToString(), Does.Contain("only the simulated board runs on the ground's clock"));
    }

    [Test]
    public void TryOpen_BoardsSerialDeviceMissing_FliesOnTcpAndSaysWhichDeviceAndFile()
    {
        var board = BoardCatalog.Locate().Load("rpi4") with { Link = new LinkSettings("127.0.0.1", 0, "/dev/flightsw-no-such-uart", 115_200, null) };
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(board, NodeLinkOptions.None, TimeProvider.System, error, out var link), Is.True, error.ToString());
        using (link)
        {
            Assert.Multiple(() =>
            {
                Assert.That(link!.Listening.Single(), Does.StartWith("tcp 127.0.0.1:"));
                Assert.That(error.ToString(), Does.Contain("/dev/flightsw-no-such-uart").And.Contain("boards/rpi4.json").And.Contain("flying without it"));
            });
        }
    }

    [Test]
    public void OnBooted_BoardsPortWasTaken_OpenedOnceItIsFree()
    {
        var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        blocker.Start();
        int port = ((System.Net.IPEndPoint)blocker.LocalEndpoint).Port;
        var board = BoardCatalog.Locate().Load("rpi4") with { Link = new LinkSettings("127.0.0.1", port, null, 115_200, null) };
        Assert.That(NodeLink.TryOpen(board, NodeLinkOptions.None, TimeProvider.System, TextWriter.Null, out var link), Is.True);
        using (link)
        {
            Assert.That(link!.Down, Is.EqualTo(new[] { $"tcp 127.0.0.1:{port}" }));

            blocker.Stop();
            using var node = new FlightSw.Node.Simulation.SimulatedNode(Sim(), seed: 1);
            node.PowerOn();
            Assert.That(node.RunUntil(() => node.Application is not null, TimeSpan.FromMinutes(1)));
            link.OnBooted(node.Application!);
            bool reopened = SpinWait.SpinUntil(() => link.Down.Count == 0, TimeSpan.FromSeconds(30));

            Assert.That(reopened, $"still down: {string.Join(", ", link.Down)}");
        }
    }

    [Test]
    public void TryOpen_PortTaken_RefusedNamingTheAddress()
    {
        using var first = OpenOn("tcp:0", out int port);
        var error = new StringWriter();

        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions([$"tcp:{port}"], KeyFile()), TimeProvider.System, error, out _), Is.False);
        Assert.That(error.ToString(), Does.Contain($"127.0.0.1:{port}"));
    }

    private NodeLink OpenOn(string endpoint, out int port)
    {
        Assert.That(NodeLink.TryOpen(Sim(), new NodeLinkOptions([endpoint], KeyFile()), TimeProvider.System, TextWriter.Null, out var link), Is.True);
        port = int.Parse(link!.Listening.Single().Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
        return link;
    }

    private string KeyFile()
    {
        string path = Path.Combine(_directory, $"link-{Guid.NewGuid():N}.keys");
        KeyRing.WriteNew(path, 1);
        return path;
    }

    private static BoardDefinition Sim() => BoardCatalog.Locate().Load("sim");
}
