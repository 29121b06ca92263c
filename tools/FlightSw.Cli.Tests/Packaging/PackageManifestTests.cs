using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class PackageManifestTests
{
    private static readonly string A = new('a', 64);
    private static readonly string B = new('b', 64);

    [Test]
    public void Format_Entries_Sha256sumLinesSortedByPath()
    {
        string text = PackageManifest.Format([new ManifestEntry("z.dll", A), new ManifestEntry("boards/rpi4.json", B)]);

        Assert.That(text, Is.EqualTo($"{B}  boards/rpi4.json\n{A}  z.dll\n"));
    }

    [Test]
    public void Parse_FormattedText_SameEntries()
    {
        var entries = new[] { new ManifestEntry("a b.txt", A), new ManifestEntry("dir/x", B) };
        var bad = new List<int>();

        var parsed = PackageManifest.Parse(PackageManifest.Format(entries), (line, _) => bad.Add(line));

        Assert.That(parsed, Is.EqualTo(entries));
        Assert.That(bad, Is.Empty);
    }

    [TestCase("xyz  file")]
    [TestCase("aaaa  file")]
    [TestCase("{0} file")]
    [TestCase("{0}  /etc/passwd")]
    [TestCase("{0}  ../escape")]
    [TestCase("{0}  a//b")]
    public void Parse_BadLine_ReportedWithItsNumber(string line)
    {
        var bad = new List<int>();

        var parsed = PackageManifest.Parse($"{A}  good\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, line, A) + "\n", (n, _) => bad.Add(n));

        Assert.That(parsed.Select(e => e.Path), Is.EqualTo(new[] { "good" }));
        Assert.That(bad, Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Hash_Empty_KnownSha256()
    {
        Assert.That(PackageManifest.Hash(new MemoryStream()), Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }
}
