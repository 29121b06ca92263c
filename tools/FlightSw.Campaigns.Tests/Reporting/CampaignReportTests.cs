using System.Buffers.Binary;
using System.Text.RegularExpressions;
using FlightSw.Campaigns.Reporting;
using FlightSw.Campaigns.Running;
using SkiaSharp;

namespace FlightSw.Campaigns.Tests.Reporting;

public partial class CampaignReportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Path.Combine(Path.GetTempPath(), "flightsw-report-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Write_Results_CreatesDirectoryWithFixedFileNames()
    {
        var output = Path.Combine(directory, "nested", "report");

        var files = CampaignReport.Write(CampaignSamples.Realistic(100), output);

        Assert.Multiple(() =>
        {
            Assert.That(files.Html, Is.EqualTo(Path.Combine(output, "report.html")));
            Assert.That(files.Markdown, Is.EqualTo(Path.Combine(output, "summary.md")));
            Assert.That(files.Pngs.Select(Path.GetFileName), Is.EqualTo(new[] { "outcomes.png", "sdc-by-bit.png", "sdc-by-target.png" }));
            Assert.That(new[] { files.Html, files.Markdown }.Concat(files.Pngs).All(File.Exists), Is.True);
            Assert.That(File.ReadAllText(files.Markdown), Is.EqualTo(CampaignSummary.Markdown(CampaignSamples.Realistic(100))));
        });
    }

    [Test]
    public void Write_Results_HtmlNamesEachVariantSoftwareAndEscapedConfig()
    {
        string html = File.ReadAllText(CampaignReport.Write(CampaignSamples.Realistic(100), directory).Html);

        Assert.Multiple(() =>
        {
            foreach (string variant in CampaignSamples.Variants)
            {
                Assert.That(html, Does.Contain($"<caption>{variant}: 100 trials</caption>"));
            }

            Assert.That(html, Does.Contain(CampaignSamples.Software));
            Assert.That(html, Does.Contain(CampaignSamples.ConfigSha));
            Assert.That(html, Does.Contain("cnn.onnx, 3 conv + 1 fc, 16 inputs"));
            Assert.That(html, Does.Contain("&quot;name&quot;: &quot;cnn &lt;weights&gt; &amp; \\&quot;bits\\&quot;&quot;,\n  &quot;seed&quot;: 7"), "pretty-printed and escaped");
            Assert.That(html, Does.Not.Contain("<weights>"));
            Assert.That(html, Does.Contain("&lt;unnoticed&gt; &amp; wrong"), "trial details escaped");
            Assert.That(html, Does.Not.Contain("<unnoticed>"));
        });
    }

    [Test]
    public void Write_Results_HtmlHasEveryOutcomeRowAndTopTargets()
    {
        string html = File.ReadAllText(CampaignReport.Write(CampaignSamples.Realistic(100), directory).Html);

        Assert.Multiple(() =>
        {
            foreach (string label in new[] { "Masked", "Corrected", "Detected-Recovered", "DUE", "SDC", "Crash", "Hang" })
            {
                Assert.That(Regex.Count(html, $"<tr><td>{label}</td>"), Is.EqualTo(CampaignSamples.Variants.Length), label);
            }

            Assert.That(html, Does.Contain("The 20 targets with the most SDCs"));
            Assert.That(html, Does.Contain("<tr><td>conv10</td>"));
        });
    }

    [Test]
    public void Write_Results_HtmlSelfContainedWithThreeEmbeddedPngs()
    {
        var files = CampaignReport.Write(CampaignSamples.Realistic(100), directory);
        string html = File.ReadAllText(files.Html);

        var embedded = DataUri().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(embedded, Has.Count.EqualTo(3));
            Assert.That(embedded, Has.All.Matches<byte[]>(png => png.AsSpan().StartsWith(PngSignature)));
            Assert.That(embedded[0], Is.EqualTo(File.ReadAllBytes(files.Pngs[0])));
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain("href=").And.Not.Contain("http"));
            Assert.That(html, Does.Contain("<style>"));
        });
    }

    [Test]
    public void Write_Results_PngsValidAndNonTrivial()
    {
        var files = CampaignReport.Write(CampaignSamples.Realistic(100), directory);

        Assert.Multiple(() =>
        {
            foreach (string png in files.Pngs)
            {
                byte[] bytes = File.ReadAllBytes(png);
                Assert.That(bytes.AsSpan().StartsWith(PngSignature), Is.True, png);
                Assert.That(bytes, Has.Length.GreaterThan(4_000), png);
                Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.GreaterThanOrEqualTo(760), "width");
                Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), Is.GreaterThanOrEqualTo(520), "height");
                using var bitmap = SKBitmap.Decode(bytes);
                Assert.That(bitmap, Is.Not.Null, png);
                Assert.That(DistinctColours(bitmap, 0, bitmap.Height), Is.GreaterThan(8), $"{png}: bars, axes and text, not a blank image");
            }
        });
    }

    [Test]
    public void Write_MachineWithFonts_PlotTitlesDrawn()
    {
        Assume.That(PlotFonts.Family, Is.Not.Null, "this machine has no fonts: plots carry no text");

        var files = CampaignReport.Write(CampaignSamples.Realistic(100), directory);

        Assert.Multiple(() =>
        {
            foreach (string png in files.Pngs)
            {
                using var bitmap = SKBitmap.Decode(File.ReadAllBytes(png));
                // The title is the only thing in the top strip: dark pixels there are its glyphs.
                Assert.That(DarkPixels(bitmap, 0, 30), Is.GreaterThan(200), png);
            }

            Assert.That(File.ReadAllText(files.Html), Does.Not.Contain("no font was found"));
        });
    }

    [Test]
    public void Write_StoppedRun_HtmlMarksPartialAtTheTop()
    {
        string html = File.ReadAllText(CampaignReport.Write(CampaignSamples.Realistic(100, stopAfter: 120), directory).Html);

        int partial = html.IndexOf("<p class=\"partial\">partial: 120 of 300 trials", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(partial, Is.GreaterThan(0));
            Assert.That(partial, Is.LessThan(html.IndexOf("<h1>", StringComparison.Ordinal)), "before anything else in the body");
        });
    }

    [Test]
    public void Write_CompleteWholeCampaign_HtmlNotMarkedPartial()
    {
        string html = File.ReadAllText(CampaignReport.Write(CampaignSamples.Realistic(100), directory).Html);

        Assert.That(html, Does.Not.Contain("partial:").And.Not.Contain("<p class=\"partial\">"));
    }

    [Test]
    public void Write_ShardWithoutSomeVariant_StillReports()
    {
        var results = CampaignSamples.Realistic(30, new ShardSpec(3, 3), stopAfter: 4);

        var files = CampaignReport.Write(results, directory);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(files.Html), Does.Contain("<caption>abft+tmr: 0 trials</caption>").And.Contain("partial: 4 of 90 trials"));
            Assert.That(files.Pngs.All(File.Exists), Is.True);
        });
    }

    [Test]
    public void Write_NoTrialsAtAll_StillReports()
    {
        var results = new CampaignResults(CampaignSamples.Header(CampaignSamples.Variants, 10), []);

        var files = CampaignReport.Write(results, directory);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(files.Html), Does.Contain("partial: 0 of 30 trials").And.Contain("No trial ended in SDC."));
            Assert.That(files.Pngs.All(File.Exists), Is.True);
        });
    }

    [Test]
    public void Write_SameResultsTwice_SameHtmlApartFromImagesAndSameMarkdown()
    {
        var first = CampaignReport.Write(CampaignSamples.Realistic(100), Path.Combine(directory, "a"));
        var second = CampaignReport.Write(CampaignSamples.Realistic(100), Path.Combine(directory, "b"));

        Assert.Multiple(() =>
        {
            Assert.That(WithoutImages(File.ReadAllText(second.Html)), Is.EqualTo(WithoutImages(File.ReadAllText(first.Html))));
            Assert.That(File.ReadAllBytes(second.Markdown), Is.EqualTo(File.ReadAllBytes(first.Markdown)));
        });
    }

    [Test]
    [SetCulture("de-DE")]
    public void Write_CommaDecimalCulture_NumbersInvariant()
    {
        var files = CampaignReport.Write(CampaignSamples.Realistic(100), directory);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(files.Html), Does.Match(@"<td class=""n"">\d+\.\d+ % \[\d+\.\d+, \d+\.\d+\]</td>").And.Not.Match(@"\d,\d+ %"));
            Assert.That(File.ReadAllText(files.Markdown), Does.Not.Match(@"\d,\d+ %"));
        });
    }

    private static string WithoutImages(string html) => DataUri().Replace(html, "data:image/png;base64,");

    private static int DistinctColours(SKBitmap bitmap, int top, int bottom)
    {
        var colours = new HashSet<SKColor>();
        for (int y = top; y < bottom; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    private static int DarkPixels(SKBitmap bitmap, int top, int bottom)
    {
        int dark = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var colour = bitmap.GetPixel(x, y);
                dark += colour.Red + colour.Green + colour.Blue < 300 ? 1 : 0;
            }
        }

        return dark;
    }

    [GeneratedRegex("data:image/png;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex DataUri();
}
