using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class PackageVersionTests
{
    [Test]
    public void Resolve_Given_TheGivenVersion()
    {
        Assert.That(PackageVersion.Resolve(RepositoryRoot.Find(), "1.2.3-rc.1+abc"), Is.EqualTo("1.2.3-rc.1+abc"));
    }

    [TestCase("")]
    [TestCase("1.0/../../x")]
    [TestCase("1 0")]
    [TestCase("-rf")]
    public void Resolve_UnsafeGiven_BadInput(string version)
    {
        var ex = Assert.Throws<CliException>(() => PackageVersion.Resolve(RepositoryRoot.Find(), version));

        Assert.That(ex!.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
    }

    [Test]
    public void Resolve_NotAGitCheckout_Fallback()
    {
        var folder = Directory.CreateTempSubdirectory("flightsw-nogit-");
        try
        {
            Assert.That(PackageVersion.Resolve(folder.FullName, null), Is.EqualTo(PackageVersion.Fallback));
        }
        finally
        {
            folder.Delete();
        }
    }

    [Test]
    public void Resolve_Checkout_ValidDescription()
    {
        string version = PackageVersion.Resolve(RepositoryRoot.Find(), null);

        Assert.That(PackageVersion.IsValid(version), Is.True, version);
    }
}
