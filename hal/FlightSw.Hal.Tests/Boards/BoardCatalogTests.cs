using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Tests.Boards;

[TestFixture]
public class BoardCatalogTests
{
    private string _temp = string.Empty;

    [SetUp]
    public void CreateTempDirectory()
    {
        _temp = Path.Combine(Path.GetTempPath(), "flightsw-boards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_temp);
    }

    [TearDown]
    public void DeleteTempDirectory() => Directory.Delete(_temp, recursive: true);

    [Test]
    public void Names_ShippedDirectory_ListsBoardsSortedWithoutSchema()
    {
        var catalog = new BoardCatalog(RepoBoards.Directory);

        Assert.That(catalog.Names, Is.EqualTo(RepoBoards.ShippedNames));
    }

    [Test]
    public void Names_IgnoresNonJsonFiles()
    {
        File.Copy(RepoBoards.PathOf("sim"), Path.Combine(_temp, "sim.json"));
        File.WriteAllText(Path.Combine(_temp, "README.md"), "# boards");
        File.WriteAllText(Path.Combine(_temp, "board.schema.json"), "{}");

        var catalog = new BoardCatalog(_temp);

        Assert.That(catalog.Names, Is.EqualTo(new[] { "sim" }));
    }

    [Test]
    public void Directory_RelativePath_IsMadeFull()
    {
        var catalog = new BoardCatalog(Path.GetRelativePath(Environment.CurrentDirectory, RepoBoards.Directory));

        Assert.That(catalog.Directory, Is.EqualTo(RepoBoards.Directory));
    }

    [Test]
    public void Load_KnownName_ReturnsDefinition()
    {
        var catalog = new BoardCatalog(RepoBoards.Directory);

        var board = catalog.Load("rpi5");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.Name, Is.EqualTo("rpi5"));
            Assert.That(board.SourceFile, Is.EqualTo(Path.Combine(RepoBoards.Directory, "rpi5.json")));
        }
    }

    [Test]
    public void Load_UnknownName_ThrowsListingAvailableBoards()
    {
        var catalog = new BoardCatalog(RepoBoards.Directory);

        var ex = Assert.Throws<UnknownBoardException>(() => catalog.Load("nosuch"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.RequestedName, Is.EqualTo("nosuch"));
            Assert.That(ex.Available, Is.EqualTo(RepoBoards.ShippedNames));
            Assert.That(
                ex.Message,
                Is.EqualTo("Unknown board 'nosuch'. Available boards: beaglebone-black, jetson-orin-nano, meadow-f7v2, rpi-zero2w, rpi4, rpi5, sim"));
        }
    }

    [TestCase("board.schema")]
    [TestCase("../boards/sim")]
    [TestCase("SIM")]
    public void Load_NameThatIsNoBoard_ThrowsUnknownBoard(string name)
    {
        var catalog = new BoardCatalog(RepoBoards.Directory);

        Assert.That(() => catalog.Load(name), Throws.InstanceOf<UnknownBoardException>());
    }

    [Test]
    public void Load_InvalidFile_ThrowsBoardDefinitionException()
    {
        File.WriteAllText(Path.Combine(_temp, "broken.json"), "{ \"name\": \"broken\" }");
        var catalog = new BoardCatalog(_temp);

        var ex = Assert.Throws<BoardDefinitionException>(() => catalog.Load("broken"))!;

        Assert.That(ex.Errors.Select(e => e.Field), Does.Contain("backend").And.Contain("cpu").And.Contain("storage"));
    }

    [Test]
    public void Constructor_MissingDirectory_ThrowsNamingIt()
    {
        var missing = Path.Combine(_temp, "absent");

        Assert.That(
            () => new BoardCatalog(missing),
            Throws.InstanceOf<DirectoryNotFoundException>().With.Message.Contains(missing));
    }

    [Test]
    public void Locate_EnvironmentVariableSet_UsesIt()
    {
        var catalog = BoardCatalog.Locate(_temp, RepoBoards.Directory, RepoBoards.Directory);

        Assert.That(catalog.Directory, Is.EqualTo(Path.GetFullPath(_temp)));
    }

    [Test]
    public void Locate_EnvironmentVariableMissingDirectory_ThrowsNamingVariable()
    {
        var missing = Path.Combine(_temp, "absent");

        Assert.That(
            () => BoardCatalog.Locate(missing, _temp, _temp),
            Throws.InstanceOf<DirectoryNotFoundException>().With.Message.Contains("FLIGHTSW_BOARDS_DIR").And.Message.Contains(missing));
    }

    [Test]
    public void Locate_BoardsBesideExecutable_UsesThem()
    {
        var beside = Directory.CreateDirectory(Path.Combine(_temp, "boards")).FullName;

        var catalog = BoardCatalog.Locate(null, _temp, RepoBoards.Directory);

        Assert.That(catalog.Directory, Is.EqualTo(beside));
    }

    [Test]
    public void Locate_NoEnvironmentNorExecutableBoards_WalksUpFromCurrentDirectory()
    {
        var nested = Path.GetFullPath(Path.Combine(RepoBoards.Directory, "..", "hal", "FlightSw.Hal.Tests"));

        var catalog = BoardCatalog.Locate("  ", _temp, nested);

        Assert.That(catalog.Directory, Is.EqualTo(RepoBoards.Directory));
    }

    [Test]
    public void Locate_WalkUp_SkipsBoardsFolderWithoutSimJson()
    {
        var project = Directory.CreateDirectory(Path.Combine(_temp, "repo", "src", "project")).FullName;
        Directory.CreateDirectory(Path.Combine(_temp, "repo", "src", "boards"));
        var boards = Directory.CreateDirectory(Path.Combine(_temp, "repo", "boards")).FullName;
        File.Copy(RepoBoards.PathOf("sim"), Path.Combine(boards, "sim.json"));
        var executable = Directory.CreateDirectory(Path.Combine(_temp, "bin")).FullName;

        var catalog = BoardCatalog.Locate(null, executable, project);

        Assert.That(catalog.Directory, Is.EqualTo(boards));
    }

    [Test]
    public void Locate_NothingFound_ThrowsSayingWhereItLooked()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => BoardCatalog.Locate(null, _temp, _temp))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Message, Does.Contain("FLIGHTSW_BOARDS_DIR"));
            Assert.That(ex.Message, Does.Contain(Path.Combine(_temp, "boards")));
            Assert.That(ex.Message, Does.Contain("boards/sim.json"));
        }
    }

    [Test]
    public void Locate_FromTestRun_FindsRepositoryBoards()
    {
        if (Environment.GetEnvironmentVariable(BoardCatalog.DirectoryEnvironmentVariable) is { Length: > 0 })
        {
            Assert.Ignore("FLIGHTSW_BOARDS_DIR is set in this environment.");
        }

        var catalog = BoardCatalog.Locate();

        Assert.That(catalog.Names, Does.Contain("sim"));
    }
}
