using System.Text;
using FlightSw.Core.Commands;
using FlightSw.Core.Storage;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;
using FlightSw.Edac.Scrubbing;
using FlightSw.Edac.Tests.Golden;
using FlightSw.Edac.Tests.Regions;
using FlightSw.Hal;
using FlightSw.Sim.Faults;

namespace FlightSw.Edac.Tests.Scrubbing;

public class ScrubberTests
{
    private const int Words = 4096;
    private static readonly TimeSpan Nominal = TimeSpan.FromSeconds(Scrubber.DefaultPeriodSeconds);

    private readonly List<IDisposable> _cleanup = [];

    [TearDown]
    public void CleanUp()
    {
        foreach (var item in _cleanup)
        {
            item.Dispose();
        }

        _cleanup.Clear();
    }

    [Test]
    public void Initialize_RegistersEveryRegionInBoardMemory()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(64, name: "a"), TestRegions.Create(64, name: "b")]);

        Assert.That(node.App.Board.Memory.Targets.Select(t => t.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Patrol_OneNominalPeriod_CompletesOneFullScan()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(Words, name: "a")]);

        node.RunFor(Nominal - TimeSpan.FromSeconds(2));
        uint before = (uint)node.Telemetry("SCRUB_FULL_SCANS")!;
        node.RunFor(TimeSpan.FromSeconds(4));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero);
            Assert.That(node.Telemetry("SCRUB_FULL_SCANS"), Is.EqualTo(1u));
            Assert.That((double)node.Telemetry("SCRUB_LAST_SCAN_DURATION_S")!, Is.EqualTo(Nominal.TotalSeconds).Within(0.5));
            Assert.That((double)node.Telemetry("SCRUB_BYTES_PER_S")!, Is.EqualTo(Words * 8 / Nominal.TotalSeconds).Within(10).Percent);
        });
    }

    [Test]
    public void Patrol_UpsetStorm_ZeroResidualErrorsAfterOneFullScan()
    {
        var expected = TestRegions.RandomWords(Words, seed: 5);
        using var node = new ScrubberNode(() => [Filled("storm", expected)]);
        var region = node.Region("storm");
        var random = new Random(6);
        int flipped = 0;
        foreach (int word in Enumerable.Range(0, Words).Where(_ => random.NextDouble() < 0.5))
        {
            region.FlipCodewordBit(word, random.Next(72));
            flipped++;
        }

        node.Hardware.Clock.RunUntil(() => node.Scrubber.FullScans >= 1, Nominal * 2);
        node.RunFor(TimeSpan.FromSeconds(1)); // telemetry is published on the next cycle

        Assert.Multiple(() =>
        {
            Assert.That(node.Scrubber.FullScans, Is.EqualTo(1));
            Assert.That(flipped, Is.GreaterThan(1500));
            Assert.That(node.Telemetry("SCRUB_CORRECTED"), Is.EqualTo((ulong)flipped));
            Assert.That(node.Telemetry("ECC_STORM_CORRECTED"), Is.EqualTo((ulong)flipped));
            Assert.That(region.Scrub(0, Words).IsClean, Is.True);
            Assert.That(region.Raw<ulong>().ToArray(), Is.EqualTo(expected));
            Assert.That(node.EventsNamed("SCRUB_UNCORRECTABLE"), Is.Empty);
        });
    }

    [Test]
    public void Patrol_HighestImportanceFirst()
    {
        using var node = new ScrubberNode(() =>
        [
            TestRegions.Create(Words, name: "low") is var low ? WithImportance(low, RegionImportance.Low) : null!,
            WithImportance(TestRegions.Create(Words, name: "critical"), RegionImportance.Critical),
        ]);
        node.Region("low").FlipCodewordBit(0, 5);
        node.Region("critical").FlipCodewordBit(0, 5);

        node.RunFor(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(node.Region("critical").CorrectedWords, Is.EqualTo(1));
            Assert.That(node.Region("low").CorrectedWords, Is.Zero);
        });
    }

    [Test]
    public void Patrol_SmallCycleBudget_NeverScrubsMoreThanItAndSaysItIsBehind()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(Words * 16, name: "big")]);
        node.SetParameter("SCRUB_MAX_KIB_PER_CYCLE", 1);
        node.SetParameter("SCRUB_PERIOD_S", 10);

        node.RunFor(TimeSpan.FromSeconds(20));

        Assert.Multiple(() =>
        {
            Assert.That(node.EventsNamed("SCRUB_BEHIND"), Has.Count.EqualTo(1));
            Assert.That((double)node.Telemetry("SCRUB_BYTES_PER_S")!, Is.LessThanOrEqualTo(10 * 1024 * 1.01));
        });
    }

    [Test]
    public void Patrol_DoubleBitErrorInGoldenRegion_ReportedAndReloaded()
    {
        var expected = TestRegions.RandomWords(Words, seed: 7);
        var golden = Golden(expected);
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);
        var region = node.Region("weights");
        region.FlipCodewordBit(1234, 3);
        region.FlipCodewordBit(1234, 40);

        node.RunFor(Nominal + TimeSpan.FromSeconds(1));

        var uncorrectable = node.EventsNamed("SCRUB_UNCORRECTABLE").Single();
        var recovered = node.EventsNamed("SCRUB_RECOVERED").Single();
        Assert.Multiple(() =>
        {
            Assert.That(uncorrectable["word"], Is.EqualTo(1234));
            Assert.That(uncorrectable["region"], Is.EqualTo("weights"));
            Assert.That(recovered["bits"], Is.EqualTo(2L));
            Assert.That(node.Telemetry("ECC_WEIGHTS_RECOVERED_BITS"), Is.EqualTo(2UL));
            Assert.That(region.Raw<ulong>().ToArray(), Is.EqualTo(expected));
            Assert.That(node.Boots, Is.EqualTo(1));
        });
    }

    [Test]
    public void Patrol_DoubleBitErrorWithoutRecovery_EscalatesAndTheNodeResets()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(Words, name: "state")]);
        node.Region("state").FlipCodewordBit(9, 0);
        node.Region("state").FlipCodewordBit(9, 1);

        node.RunFor(Nominal + TimeSpan.FromSeconds(1));
        node.RunUntilBoot(2);

        Assert.Multiple(() =>
        {
            Assert.That(node.EventsNamed("SCRUB_ESCALATED"), Has.Count.EqualTo(1));
            Assert.That(node.EventsNamed("HEALTH_ESCALATED").Single()["component"], Is.EqualTo("scrubber"));
            Assert.That(node.Hardware.Resets[0].Cause, Is.EqualTo(ResetCause.CommandedWarmReset));
            Assert.That(node.Region("state").Scrub(0, Words).IsClean, Is.True);
        });
    }

    [Test]
    public void Patrol_GoldenImageCorruptedOnDisk_ReloadFailsAndEscalates()
    {
        var golden = Golden(TestRegions.RandomWords(Words, seed: 8));
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);
        golden.CorruptByte(100);
        node.Region("weights").FlipCodewordBit(50, 1);
        node.Region("weights").FlipCodewordBit(50, 2);

        node.RunFor(Nominal + TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(node.EventsNamed("SCRUB_RECOVERY_FAILED").Single()["reason"]!.ToString(), Does.Contain(golden.Path));
            Assert.That(node.EventsNamed("HEALTH_ESCALATED"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Initialize_GoldenImage_LoadedVerified()
    {
        var expected = TestRegions.RandomWords(Words, seed: 9);
        var golden = Golden(expected);
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);

        Assert.Multiple(() =>
        {
            Assert.That(node.Region("weights").Raw<ulong>().ToArray(), Is.EqualTo(expected));
            Assert.That(node.EventsNamed("SCRUB_IMAGE_LOADED").Single()["region"], Is.EqualTo("weights"));
            Assert.That(node.Telemetry("SCRUB_IMAGES_REFUSED"), Is.EqualTo(0u));
        });
    }

    [Test]
    public void Initialize_CorruptedGoldenImage_RefusedNotLoaded()
    {
        var golden = Golden(TestRegions.RandomWords(Words, seed: 10));
        golden.CorruptByte(7);

        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);

        Assert.Multiple(() =>
        {
            Assert.That(node.Region("weights").Raw<ulong>().ToArray(), Is.All.Zero);
            Assert.That(node.EventsNamed("SCRUB_IMAGE_REFUSED").Single()["reason"]!.ToString(), Does.Contain(golden.Path));
            Assert.That(node.EventsNamed("SCRUB_IMAGE_LOADED"), Is.Empty);
            Assert.That(node.Telemetry("SCRUB_IMAGES_REFUSED"), Is.EqualTo(1u));
        });
    }

    [Test]
    public void Initialize_GoldenImageFirstLoaded_RecordsItsChecksumWithoutAChangeEvent()
    {
        var golden = Golden(TestRegions.RandomWords(64, seed: 20));
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(StoredGoldenChecksum(node, "weights"), Is.EqualTo(golden.Image.Checksum.ToString()));
            Assert.That(node.EventsNamed("SCRUB_IMAGE_CHANGED"), Is.Empty);
        }
    }

    [Test]
    public void Initialize_SameGoldenImageAtTheNextBoot_NeitherReportsNorRewritesTheRecord()
    {
        var golden = Golden(TestRegions.RandomWords(64, seed: 21));
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);

        WarmReset(node);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("SCRUB_IMAGE_LOADED"), Has.Count.EqualTo(2));
            Assert.That(node.EventsNamed("SCRUB_IMAGE_CHANGED"), Is.Empty);
            Assert.That(new DurableRecordStore(node.Hardware.Store).Read("golden.weights").Sequence, Is.EqualTo(1UL), "written once, at the first boot");
        }
    }

    [Test]
    public void Initialize_NewGoldenImageInstalled_ReportsNewAndStoredChecksumsAndUpdatesTheRecord()
    {
        var first = Golden(TestRegions.RandomWords(64, seed: 22));
        var second = Golden(TestRegions.RandomWords(64, seed: 23));
        var installed = first;
        using var node = new ScrubberNode(() => [GoldenRegion("weights", installed)]);

        installed = second;
        WarmReset(node);
        WarmReset(node);

        var changed = node.EventsNamed("SCRUB_IMAGE_CHANGED");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Has.Count.EqualTo(1), "reported once, at the boot that found it");
            Assert.That(changed[0]["region"], Is.EqualTo("weights"));
            Assert.That(changed[0]["checksum"], Is.EqualTo(second.Image.Checksum.ToString()));
            Assert.That(changed[0]["stored"], Is.EqualTo(first.Image.Checksum.ToString()));
            Assert.That(StoredGoldenChecksum(node, "weights"), Is.EqualTo(second.Image.Checksum.ToString()));
        }
    }

    [Test]
    public void Initialize_GoldenImageRefused_LeavesTheStoredChecksumAlone()
    {
        var golden = Golden(TestRegions.RandomWords(64, seed: 24));
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);
        golden.CorruptByte(3);

        WarmReset(node);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("SCRUB_IMAGE_REFUSED"), Has.Count.EqualTo(1));
            Assert.That(node.EventsNamed("SCRUB_IMAGE_CHANGED"), Is.Empty);
            Assert.That(StoredGoldenChecksum(node, "weights"), Is.EqualTo(golden.Image.Checksum.ToString()));
        }
    }

    [Test]
    public void Initialize_StoredChecksumUnreadable_ReportedWithTheReasonsAndRewritten()
    {
        var golden = Golden(TestRegions.RandomWords(64, seed: 25));
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden)]);
        node.Hardware.Store.Write("golden.weights.a", [1, 2, 3]);

        WarmReset(node);

        var changed = node.EventsNamed("SCRUB_IMAGE_CHANGED").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed["stored"], Is.EqualTo("unreadable: golden.weights.a: copy is 3 bytes long, shorter than the 17-byte minimum"));
            Assert.That(StoredGoldenChecksum(node, "weights"), Is.EqualTo(golden.Image.Checksum.ToString()));
        }
    }

    [Test]
    public void ScrubRegion_Command_ScrubsAheadOfPatrolAndReports()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(Words, name: "a")]);
        node.SetParameter("SCRUB_PERIOD_S", 86_400);
        node.Region("a").FlipCodewordBit(Words - 1, 70);

        var response = node.Send("SCRUB_REGION", "a");
        node.RunFor(TimeSpan.FromSeconds(1));

        var done = node.EventsNamed("SCRUB_REGION_DONE").Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Completed));
            Assert.That(done["corrected"], Is.EqualTo(1L));
            Assert.That(done["words"], Is.EqualTo(Words));
            Assert.That(node.Region("a").CorrectedCheckBits, Is.EqualTo(1));
        });
    }

    [Test]
    public void ScrubRegion_UnknownRegion_RefusedNamingTheKnownOnes()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(64, name: "a"), TestRegions.Create(64, name: "b")]);

        var response = node.Send("SCRUB_REGION", "c");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Failed).Or.EqualTo(CommandStatus.Rejected));
            Assert.That(response.Message, Does.Contain("a, b"));
        });
    }

    [Test]
    public void VerifyGolden_CleanThenUncorrectable_CountsMismatches()
    {
        var golden = Golden(TestRegions.RandomWords(Words, seed: 11));
        using var node = new ScrubberNode(() => [GoldenRegion("weights", golden), TestRegions.Create(64, name: "plain")]);

        node.Send("SCRUB_VERIFY_GOLDEN", "weights");
        node.Region("weights").FlipCodewordBit(3, 0);
        node.Region("weights").FlipCodewordBit(3, 1);
        node.Send("SCRUB_VERIFY_GOLDEN", "weights");
        var plain = node.Send("SCRUB_VERIFY_GOLDEN", "plain");

        var verified = node.EventsNamed("SCRUB_GOLDEN_VERIFIED");
        Assert.Multiple(() =>
        {
            Assert.That(verified.Select(e => e["mismatches"]), Is.EqualTo(new object[] { 0, 1 }));
            Assert.That(plain.Succeeded, Is.False);
            Assert.That(plain.Message, Does.Contain("no golden image"));
        });
    }

    [Test]
    public void FlipBitCommand_ThenScrub_Corrected()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(Words, name: "a")]);

        var flip = node.Send("FI_FLIP_BIT", "a", "17", "33");
        node.Send("SCRUB_REGION", "a");
        node.RunFor(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(flip.Succeeded, Is.True, flip.Message);
            Assert.That(node.EventsNamed("SCRUB_REGION_DONE").Single()["corrected"], Is.EqualTo(1L));
            Assert.That(node.Region("a").ReadWord(17), Is.Zero);
        });
    }

    [Test]
    public void FlipBitCommand_OutOfRange_RefusedAndNothingFlipped()
    {
        using var node = new ScrubberNode(() => [TestRegions.Create(64, name: "a")]);

        var flip = node.Send("FI_FLIP_BIT", "a", "64", "0");

        Assert.Multiple(() =>
        {
            Assert.That(flip.Succeeded, Is.False);
            Assert.That(node.Region("a").Scrub(0, 64).IsClean, Is.True);
        });
    }

    [Test]
    public void Period_UpsetStormThenQuiet_ShortensThenRelaxes()
    {
        var storm = new UpsetInjectorOptions { RatePerBitPerDay = 1e-2, MultiBitFraction = 0 };
        using var node = new ScrubberNode(() => [TestRegions.Create(Words * 4, name: "a")], upsets: storm);

        node.RunFor(TimeSpan.FromMinutes(30));
        var during = (double)node.Telemetry("SCRUB_PERIOD_S")!;
        node.Hardware.Upsets.RateMultiplier = 0;
        node.RunFor(TimeSpan.FromHours(4));
        var after = (double)node.Telemetry("SCRUB_PERIOD_S")!;

        Assert.Multiple(() =>
        {
            Assert.That(during, Is.EqualTo(Scrubber.DefaultMinimumPeriodSeconds));
            Assert.That(after, Is.EqualTo(Scrubber.DefaultPeriodSeconds));
            Assert.That(node.EventsNamed("SCRUB_PERIOD_CHANGED"), Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(node.Region("a").Scrub(0, Words * 4).IsClean, Is.True);
        });
    }

    [Test]
    public void Constructor_NamesWithTheSameTelemetryStem_Throws()
    {
        Assert.That(() => new Scrubber([TestRegions.Create(8, name: "a-b"), TestRegions.Create(8, name: "a.b")]),
            Throws.ArgumentException.With.Message.Contains("ECC_A_B"));
    }

    [Test]
    public void Constructor_DuplicateRegionNames_Throws()
    {
        Assert.That(() => new Scrubber([TestRegions.Create(8, name: "a"), TestRegions.Create(8, name: "a")]),
            Throws.ArgumentException.With.Message.Contains("'a'"));
    }

    private static string? StoredGoldenChecksum(ScrubberNode node, string region) =>
        new DurableRecordStore(node.Hardware.Store).TryRead(GoldenChecksumRecord.NameFor(region), out var payload) ? Encoding.UTF8.GetString(payload) : null;

    private static void WarmReset(ScrubberNode node)
    {
        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        node.RunUntilBoot(node.Boots + 1);
    }

    private static EccRegion WithImportance(EccRegion region, RegionImportance importance) =>
        new(new EccRegionOptions { Name = region.Name, WordCount = region.WordCount, Importance = importance });

    private static EccRegion Filled(string name, ulong[] words)
    {
        var region = TestRegions.Create(words.Length, name: name);
        region.Load(TestRegions.Bytes(words));
        return region;
    }

    private static EccRegion GoldenRegion(string name, TempGoldenFile golden) =>
        new(new EccRegionOptions
        {
            Name = name,
            WordCount = (int)(new FileInfo(golden.Path).Length / 8),
            Recovery = RegionRecovery.ReloadFromGolden(golden.Image),
        });

    private TempGoldenFile Golden(ulong[] words)
    {
        var file = new TempGoldenFile(TestRegions.Bytes(words), GoldenChecksumAlgorithm.Sha256);
        _cleanup.Add(file);
        return file;
    }
}
