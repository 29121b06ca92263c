using FlightSw.Sim.Scenarios;

namespace FlightSw.Sim.Tests.Scenarios;

[TestFixture]
public class ScenarioCatalogTests
{
    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTempDirectory() => _temp = Directory.CreateTempSubdirectory("flightsw-scenarios-");

    [TearDown]
    public void DeleteTempDirectory() => _temp.Delete(recursive: true);

    [Test]
    public void Names_ShippedDirectory_ListsScenariosSorted()
    {
        var catalog = new ScenarioCatalog(RepoScenarios.Directory);

        Assert.That(catalog.Names, Is.EqualTo(RepoScenarios.ShippedNames));
    }

    [Test]
    public void Names_IgnoresOtherFilesAndSchemas()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "quiet.json"), "{}");
        File.WriteAllText(Path.Combine(_temp.FullName, "README.md"), "# scenarios");
        File.WriteAllText(Path.Combine(_temp.FullName, "scenario.schema.json"), "{}");

        Assert.That(new ScenarioCatalog(_temp.FullName).Names, Is.EqualTo(new[] { "quiet" }));
    }

    [Test]
    public void Load_KnownName_ReturnsScenarioNamedAfterItsFile()
    {
        var scenario = new ScenarioCatalog(RepoScenarios.Directory).Load("solar-storm");

        Assert.That(scenario.Name, Is.EqualTo("solar-storm"));
        Assert.That(scenario.Events, Is.Not.Empty);
    }

    [Test]
    public void Load_NameInOtherCase_LoadsTheFileUnderItsOwnName()
    {
        var scenario = new ScenarioCatalog(RepoScenarios.Directory).Load("Nominal-500KM");

        Assert.That(scenario.Name, Is.EqualTo("nominal-500km"));
    }

    [Test]
    public void Load_UnknownName_ThrowsListingAvailableScenarios()
    {
        var catalog = new ScenarioCatalog(RepoScenarios.Directory);

        var ex = Assert.Throws<UnknownScenarioException>(() => catalog.Load("quiet-sun"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.RequestedName, Is.EqualTo("quiet-sun"));
            Assert.That(ex.Available, Is.EqualTo(RepoScenarios.ShippedNames));
            Assert.That(ex.Message, Is.EqualTo(
                "Unknown scenario 'quiet-sun'. Available scenarios: nominal-500km, saa-heavy, solar-storm, undersized-battery"));
        }
    }

    [TestCase("../scenarios/solar-storm")]
    [TestCase("solar-storm.json")]
    [TestCase("")]
    public void Load_PathOrExtension_IsUnknown(string name)
    {
        Assert.Throws<UnknownScenarioException>(() => new ScenarioCatalog(RepoScenarios.Directory).Load(name));
    }

    [Test]
    public void Load_InvalidFile_ThrowsScenarioExceptionNamingThePath()
    {
        var path = Path.Combine(_temp.FullName, "broken.json");
        File.WriteAllText(path, """{ "seed": "x" }""");

        var ex = Assert.Throws<ScenarioException>(() => new ScenarioCatalog(_temp.FullName).Load("broken"))!;

        Assert.That(ex.Errors.Single().File, Is.EqualTo(path));
    }

    [Test]
    public void Constructor_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new ScenarioCatalog(Path.Combine(_temp.FullName, "none")));
    }

    [Test]
    public void Locate_EnvironmentVariableSet_UsesThatDirectory()
    {
        var catalog = ScenarioCatalog.Locate(_temp.FullName, RepoScenarios.Directory);

        Assert.That(catalog.Directory, Is.EqualTo(_temp.FullName));
    }

    [Test]
    public void Locate_EnvironmentVariableNamesMissingDirectory_ThrowsNamingTheVariable()
    {
        var missing = Path.Combine(_temp.FullName, "none");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => ScenarioCatalog.Locate(missing, _temp.FullName))!;

        Assert.That(ex.Message, Does.StartWith($"FLIGHTSW_SCENARIOS_DIR is set to '{missing}'"));
    }

    [Test]
    public void Locate_ScenariosBesideExecutable_PreferredToTheCheckout()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_temp.FullName, "sim", "bin"));
        var beside = Directory.CreateDirectory(Path.Combine(bin.FullName, "scenarios"));
        Directory.CreateDirectory(Path.Combine(_temp.FullName, "sim", "scenarios"));

        var catalog = ScenarioCatalog.Locate(null, bin.FullName);

        Assert.That(catalog.Directory, Is.EqualTo(beside.FullName));
    }

    [Test]
    public void Locate_Checkout_WalksUpToSimScenarios()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_temp.FullName, "sim", "scenarios"));
        var bin = Directory.CreateDirectory(Path.Combine(_temp.FullName, "sim", "FlightSw.Sim.Tests", "bin", "Debug"));

        var catalog = ScenarioCatalog.Locate("  ", bin.FullName);

        Assert.That(catalog.Directory, Is.EqualTo(repo.FullName));
    }

    [Test]
    public void Locate_TestBinaries_FindTheRepositoryScenarios()
    {
        var catalog = ScenarioCatalog.Locate(null, TestContext.CurrentContext.TestDirectory);

        Assert.That(catalog.Names, Is.SupersetOf(RepoScenarios.ShippedNames));
    }
}
