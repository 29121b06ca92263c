using FlightSw.Link.Security;

namespace FlightSw.Cli.Tests;

[TestFixture]
public class KeySourceTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("flightsw-keys-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Load_NoFileAnywhere_EmptyRingAndAWarning()
    {
        using var error = new StringWriter();

        var ring = KeySource.Load(null, Environment(error, null));

        Assert.That(ring.IsEmpty, Is.True);
        Assert.That(error.ToString(), Does.Contain("warning").And.Contain("development key"));
    }

    [Test]
    public void Load_VariableSet_TheVariablesFile()
    {
        string path = Key("env.key", 4);
        using var error = new StringWriter();

        var ring = KeySource.Load(null, Environment(error, path));

        Assert.That(ring.Keys.Single().Id, Is.EqualTo(4));
        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void Load_OptionAndVariable_TheOptionWins()
    {
        string option = Key("option.key", 2);
        string variable = Key("env.key", 3);

        var ring = KeySource.Load(option, Environment(TextWriter.Null, variable));

        Assert.That(ring.Keys.Single().Id, Is.EqualTo(2));
    }

    [Test]
    public void Load_FileReadableByOthers_KeyFileException()
    {
        string path = Key("open.key", 1);
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only.");
            return;
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        Assert.Throws<KeyFileException>(() => KeySource.Load(path, Environment(TextWriter.Null, null)));
    }

    private static CliEnvironment Environment(TextWriter error, string? variable) =>
        new(TextWriter.Null, error, name => name == KeySource.Variable ? variable : null, Interactive: false);

    private string Key(string name, ushort id)
    {
        string path = Path.Combine(_directory, name);
        KeyRing.WriteNew(path, id);
        return path;
    }
}
