using System.Globalization;
using System.Text.RegularExpressions;
using FlightSw.Node.Cli;
using Spectre.Console;

namespace FlightSw.Node.Tests.Cli;

/// <summary><c>flightsw-node --upset-rate</c>: validation through the real entry point, and its effect on the summary.</summary>
[NonParallelizable]
public sealed partial class UpsetRateTests
{
    /// <summary>1,000 times the Alsat-1 rate: tens of upsets in the payload image per orbit.</summary>
    private const double HighRate = 4.04e-4;

    private TextWriter _originalError = null!;
    private TextWriter _originalOut = null!;
    private StringWriter _error = null!;
    private StringWriter _out = null!;

    [SetUp]
    public void CaptureConsole()
    {
        _originalError = Console.Error;
        _originalOut = Console.Out;
        _error = new StringWriter(CultureInfo.InvariantCulture);
        _out = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetError(_error);
        Console.SetOut(_out);
    }

    [TearDown]
    public void RestoreConsole()
    {
        Console.SetError(_originalError);
        Console.SetOut(_originalOut);
        _error.Dispose();
        _out.Dispose();
    }

    [TestCase("-1")]
    [TestCase("-1e-9")]
    [TestCase("NaN")]
    [TestCase("1.5")]
    [TestCase("1.0000001")]
    [TestCase("Infinity")]
    public void Main_UpsetRateOutOfRange_NamesTheOptionAndExits2WithoutRunning(string rate)
    {
        int code = Program.Main(["--duration", "10s", "--upset-rate", rate]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), _error.ToString());
            Assert.That(_error.ToString(), Does.Contain("--upset-rate"));
            Assert.That(_out.ToString(), Does.Not.Contain("FlightSw node summary"));
        });
    }

    [TestCase("0")]
    [TestCase("1")]
    public void Main_UpsetRateAtTheBounds_Runs(string rate)
    {
        int code = Program.Main(["--duration", "10s", "--upset-rate", rate]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), _error.ToString());
            Assert.That(_out.ToString(), Does.Contain("FlightSw node summary"));
        });
    }

    [Test]
    public void Main_UpsetRateOneOrbit_SummaryShowsUpsetsAndCorrections()
    {
        int code = Program.Main(["--duration", "1orbit", "--seed", "3", "--upset-rate", HighRate.ToString("R", CultureInfo.InvariantCulture)]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), _error.ToString());
            Assert.That(UpsetsInjected(_out.ToString()), Is.GreaterThan(0));
            Assert.That(EccCorrected(_out.ToString()), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Run_HighRateOneOrbit_UpsetsInjectedAndWordsCorrected()
    {
        string summary = RunToText(seed: 7, "1orbit", HighRate);

        int upsets = UpsetsInjected(summary);
        long corrected = EccCorrected(summary);
        Assert.Multiple(() =>
        {
            Assert.That(upsets, Is.GreaterThan(0), summary);
            Assert.That(corrected, Is.GreaterThan(0), summary);
            Assert.That(corrected, Is.LessThanOrEqualTo(upsets * 8L), "a word is corrected only after an upset hit it");
        });
    }

    [Test]
    public void Run_SameSeedAndRateTwice_SummariesAreIdenticalByteForByte()
    {
        string first = RunToText(seed: 11, "1orbit", HighRate);
        string second = RunToText(seed: 11, "1orbit", HighRate);

        Assert.Multiple(() =>
        {
            Assert.That(UpsetsInjected(first), Is.GreaterThan(0));
            Assert.That(first, Does.Contain("Inference outcomes"), "the inference counts are part of what must repeat");
            Assert.That(second, Is.EqualTo(first));
        });
    }

    [Test]
    public void Run_DifferentSeedsSameRate_UpsetsDiffer()
    {
        string first = RunToText(seed: 11, "1orbit", HighRate);
        string second = RunToText(seed: 12, "1orbit", HighRate);

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Run_RateZero_NoUpsetsAndNothingCorrected()
    {
        string summary = RunToText(seed: 7, "1orbit", upsetRate: 0);

        Assert.Multiple(() =>
        {
            Assert.That(UpsetsInjected(summary), Is.Zero);
            Assert.That(summary, Does.Match(@"ECC \(this boot\)\s+│ 0 words corrected, 0 uncorrectable"));
        });
    }

    private static int UpsetsInjected(string summary)
    {
        var match = UpsetsRow().Match(summary);
        Assert.That(match.Success, Is.True, "no 'Upsets injected' row in:\n" + summary);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static long EccCorrected(string summary)
    {
        var match = EccRow().Match(summary);
        Assert.That(match.Success, Is.True, "no 'ECC (this boot)' row with a word count in:\n" + summary);
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string RunToText(int seed, string duration, double upsetRate) =>
        NodeRunnerTests.RunToText(seed, duration, upsetRate);

    [GeneratedRegex(@"Upsets injected\s+│ (\d+) ")]
    private static partial Regex UpsetsRow();

    [GeneratedRegex(@"ECC \(this boot\)\s+│ (\d+) words corrected")]
    private static partial Regex EccRow();

    [Test]
    public void Main_MalformedPayloadManifest_Exits2NamingFileAndFieldWithoutRunning()
    {
        string directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"images-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "images.json"), """{ "images": [ { "region": "w", "file": "w.bin", "bytes": 8, "checksum": "md5:00", "importance": "High" } ] }""");
        string? saved = Environment.GetEnvironmentVariable("FLIGHTSW_IMAGES_DIR");
        Environment.SetEnvironmentVariable("FLIGHTSW_IMAGES_DIR", directory);
        try
        {
            int code = Program.Main(["--duration", "10s"]);

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.BadInput), _error.ToString());
                Assert.That(_error.ToString(), Does.Contain(Path.Combine(directory, "images.json")).And.Contain("$.images[0].checksum"));
                Assert.That(_out.ToString(), Does.Not.Contain("FlightSw node summary"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("FLIGHTSW_IMAGES_DIR", saved);
            Directory.Delete(directory, recursive: true);
        }
    }
}
