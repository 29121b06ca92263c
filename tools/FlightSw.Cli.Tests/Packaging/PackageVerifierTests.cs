using System.Formats.Tar;
using System.Text;
using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class PackageVerifierTests
{
    private string _directory = "";
    private string _archive = "";

    [SetUp]
    public void MakeArchive()
    {
        _directory = Directory.CreateTempSubdirectory("flightsw-verify-").FullName;
        _archive = TestArchives.Make(_directory);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Verify_IntactArchive_PassesCheckingEveryFile()
    {
        var result = PackageVerifier.Verify(_archive);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Passed, Is.True);
        Assert.That(result.Folder, Is.EqualTo("flightsw-node-test-1.0"));
        Assert.That(result.FilesChecked, Is.EqualTo(4));
    }

    [Test]
    public void Verify_FileChanged_FailsNamingIt()
    {
        string tampered = TestArchives.Rewrite(_archive, Path.Combine(_directory, "tampered.tar.gz"), entries =>
            entries.Select(e => e.Name.EndsWith("/flightsw-node.dll", StringComparison.Ordinal) ? e with { Data = Encoding.UTF8.GetBytes("evil") } : e));

        var result = PackageVerifier.Verify(tampered);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Problems, Has.Count.EqualTo(1));
        Assert.That(result.Problems[0].Kind, Is.EqualTo(PackageProblemKind.Changed));
        Assert.That(result.Problems[0].Path, Is.EqualTo("flightsw-node.dll"));
        Assert.That(result.FilesChecked, Is.EqualTo(3));
    }

    [Test]
    public void Verify_ExtraFile_FailsNamingIt()
    {
        string tampered = TestArchives.Rewrite(_archive, Path.Combine(_directory, "extra.tar.gz"), entries =>
            entries.Append(new TestArchives.Entry("flightsw-node-test-1.0/boards/implant.so", TarEntryType.RegularFile, UnixFileMode.UserRead, [1, 2, 3])));

        var result = PackageVerifier.Verify(tampered);

        Assert.That(result.Problems.Select(p => (p.Kind, p.Path)), Is.EqualTo(new[] { (PackageProblemKind.Extra, "boards/implant.so") }));
    }

    [Test]
    public void Verify_FileMissing_FailsNamingIt()
    {
        string tampered = TestArchives.Rewrite(_archive, Path.Combine(_directory, "missing.tar.gz"), entries =>
            entries.Where(e => !e.Name.EndsWith("/rpi4.json", StringComparison.Ordinal)));

        var result = PackageVerifier.Verify(tampered);

        Assert.That(result.Problems.Select(p => (p.Kind, p.Path)), Is.EqualTo(new[] { (PackageProblemKind.Missing, "boards/rpi4.json") }));
    }

    [Test]
    public void Verify_ManifestMissing_FailsNamingTheManifest()
    {
        string tampered = TestArchives.Rewrite(_archive, Path.Combine(_directory, "nomanifest.tar.gz"), entries =>
            entries.Where(e => !e.Name.EndsWith("/" + PackageManifest.FileName, StringComparison.Ordinal)));

        var result = PackageVerifier.Verify(tampered);

        Assert.That(result.Problems.Select(p => (p.Kind, p.Path)), Is.EqualTo(new[] { (PackageProblemKind.Missing, PackageManifest.FileName) }));
    }

    [Test]
    public void Verify_FileOutsideThePackageFolder_FailsAsExtra()
    {
        string tampered = TestArchives.Rewrite(_archive, Path.Combine(_directory, "outside.tar.gz"), entries =>
            entries.Append(new TestArchives.Entry("etc/cron.d/evil", TarEntryType.RegularFile, UnixFileMode.UserRead, [1])));

        var result = PackageVerifier.Verify(tampered);

        Assert.That(result.Problems.Select(p => (p.Kind, p.Path)), Is.EqualTo(new[] { (PackageProblemKind.Extra, "etc/cron.d/evil") }));
    }

    [Test]
    public void Verify_SymbolicLink_FailsAsExtra()
    {
        string tampered = TestArchives.Rewrite(_archive, Path.Combine(_directory, "link.tar.gz"), entries =>
            entries.Append(new TestArchives.Entry("flightsw-node-test-1.0/shadow", TarEntryType.SymbolicLink, UnixFileMode.UserRead, [], "/etc/shadow")));

        var result = PackageVerifier.Verify(tampered);

        Assert.That(result.Problems.Select(p => (p.Kind, p.Path)), Is.EqualTo(new[] { (PackageProblemKind.Extra, "shadow") }));
    }

    [Test]
    public void Verify_NotAGzip_FailsAsUnreadable()
    {
        string bogus = Path.Combine(_directory, "bogus.tar.gz");
        File.WriteAllText(bogus, "this is not a gzip stream at all");

        var result = PackageVerifier.Verify(bogus);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Problems.Single().Kind, Is.EqualTo(PackageProblemKind.Unreadable));
        Assert.That(result.Problems.Single().Path, Is.EqualTo(bogus));
    }

    [Test]
    public void Verify_TruncatedArchive_FailsAsUnreadable()
    {
        string truncated = Path.Combine(_directory, "truncated.tar.gz");
        byte[] bytes = File.ReadAllBytes(_archive);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var result = PackageVerifier.Verify(truncated);

        Assert.That(result.Problems.Single().Kind, Is.EqualTo(PackageProblemKind.Unreadable));
    }

    [Test]
    public void Verify_NoSuchFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => PackageVerifier.Verify(Path.Combine(_directory, "none.tar.gz")));
    }
}
