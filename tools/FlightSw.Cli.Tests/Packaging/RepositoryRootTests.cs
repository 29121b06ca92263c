using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class RepositoryRootTests
{
    [Test]
    public void Find_FromTheTestFolder_TheFolderHoldingTheSolution()
    {
        string root = RepositoryRoot.Find();

        Assert.That(File.Exists(Path.Combine(root, RepositoryRoot.MarkerFile)), Is.True);
        Assert.That(Directory.Exists(Path.Combine(root, "firmware", "FlightSw.Node")), Is.True);
    }

    [Test]
    public void Find_FirstStartOutsideSecondInside_TheCheckout()
    {
        Assert.That(RepositoryRoot.Find("/", AppContext.BaseDirectory), Is.EqualTo(RepositoryRoot.Find()));
    }

    [Test]
    public void Find_Nowhere_BadInputSayingWhereItLooked()
    {
        var ex = Assert.Throws<CliException>(() => RepositoryRoot.Find("/proc/self"));

        Assert.That(ex!.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
        Assert.That(ex.Message, Does.Contain("FlightSw.sln").And.Contain("/proc/self"));
    }
}
