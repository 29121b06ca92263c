using FlightSw.Cli.Tests.Fixtures;
using FlightSw.Link.Security;

namespace FlightSw.Cli.Tests.Commands;

[TestFixture]
public class KeygenCommandTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("flightsw-keygen-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Run_NewFile_OwnerOnlyFileTheKeyRingLoads()
    {
        string path = Path.Combine(_directory, "link.key");

        var run = CliRun.Of(["keygen", path, "--id", "7"]);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("key 7").And.Contain(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        var ring = KeyRing.LoadFile(path);
        Assert.That(ring.Keys.Select(k => k.Id), Is.EqualTo(new ushort[] { 7 }));
        Assert.That(ring.Keys[0].Secret, Has.Length.EqualTo(32));
    }

    [Test]
    public void Run_NoId_KeyOne()
    {
        string path = Path.Combine(_directory, "link.key");

        Assert.That(CliRun.Of(["keygen", path]).ExitCode, Is.Zero);

        Assert.That(KeyRing.LoadFile(path).Keys[0].Id, Is.EqualTo(1));
    }

    [Test]
    public void Run_FileExists_RefusedWithExitTwoAndTheFileKept()
    {
        string path = Path.Combine(_directory, "link.key");
        File.WriteAllText(path, "precious");

        var run = CliRun.Of(["keygen", path]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("already exists"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("precious"));
    }

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("x")]
    public void Run_BadId_ExitTwoAndNoFile(string id)
    {
        string path = Path.Combine(_directory, "link.key");

        var run = CliRun.Of(["keygen", path, "--id", id]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--id").Or.Contain(id));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Run_DirectoryMissing_ExitTwoNamingThePath()
    {
        string path = Path.Combine(_directory, "no", "such", "link.key");

        var run = CliRun.Of(["keygen", path]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("cannot write").And.Contain(path));
    }
}
