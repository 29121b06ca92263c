using System.Formats.Tar;
using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class PackageArchiveTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("flightsw-archive-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Write_Folder_OneTopFolderWithEntriesInOrdinalOrder()
    {
        var names = TestArchives.Read(TestArchives.Make(_directory)).Select(e => e.Name).ToList();

        Assert.That(names, Is.EqualTo(new[]
        {
            "flightsw-node-test-1.0/",
            "flightsw-node-test-1.0/MANIFEST.sha256",
            "flightsw-node-test-1.0/boards/",
            "flightsw-node-test-1.0/boards/rpi4.json",
            "flightsw-node-test-1.0/empty.txt",
            "flightsw-node-test-1.0/flightsw-node",
            "flightsw-node-test-1.0/flightsw-node.dll",
        }));
    }

    [Test]
    public void Write_Executable_KeepsExecuteBitsOthersNot()
    {
        var entries = TestArchives.Read(TestArchives.Make(_directory)).ToDictionary(e => e.Name);

        Assert.That(entries["flightsw-node-test-1.0/flightsw-node"].Mode & UnixFileMode.UserExecute, Is.Not.EqualTo(UnixFileMode.None));
        Assert.That(entries["flightsw-node-test-1.0/flightsw-node.dll"].Mode & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.None));
        Assert.That(entries["flightsw-node-test-1.0/boards/"].Type, Is.EqualTo(TarEntryType.Directory));
    }

    [Test]
    public void Write_Folder_ManifestListsEveryOtherFileWithItsSha256()
    {
        var entries = TestArchives.Read(TestArchives.Make(_directory));
        string manifest = System.Text.Encoding.UTF8.GetString(entries.Single(e => e.Name.EndsWith(PackageManifest.FileName, StringComparison.Ordinal)).Data);

        string[] lines = manifest.TrimEnd('\n').Split('\n');
        Assert.That(lines.Select(l => l[66..]), Is.EqualTo(new[] { "boards/rpi4.json", "empty.txt", "flightsw-node", "flightsw-node.dll" }));
        Assert.That(lines[1][..64], Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        Assert.That(lines[0][..64], Is.EqualTo(PackageManifest.Hash(new MemoryStream("{}"u8.ToArray()))));
    }

    [Test]
    public void Write_SameFilesTwice_SameBytes()
    {
        string first = TestArchives.Make(_directory);
        byte[] bytes = File.ReadAllBytes(first);
        File.SetLastWriteTimeUtc(Path.Combine(_directory, "flightsw-node-test-1.0", "empty.txt"), DateTime.UtcNow.AddDays(-3));

        string second = Path.Combine(_directory, "again.tar.gz");
        PackageArchive.Write(Path.Combine(_directory, "flightsw-node-test-1.0"), second, ["flightsw-node"]);

        Assert.That(File.ReadAllBytes(second), Is.EqualTo(bytes));
    }
}
