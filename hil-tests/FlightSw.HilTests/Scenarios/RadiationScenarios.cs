using FlightSw.Edac.Scrubbing;
using FlightSw.Sim.Faults;

namespace FlightSw.HilTests.Scenarios;

/// <summary>
/// The node's protected memory under radiation: upsets from the simulated environment, found
/// and repaired by the scrubber, checked against the injector's own record of what it did.
/// </summary>
public class RadiationScenarios : ScenarioBase
{
    private const string Region = "payload-weights";
    private const string RegionTelemetry = "ECC_PAYLOAD_WEIGHTS";
    private static readonly TimeSpan Campaign = TimeSpan.FromDays(10);

    [Test]
    [Category(EnvironmentControl)]
    public void UpsetStorm_TenDaysAt1000TimesAlsat1_EveryUpsetCorrectedOrRecoveredNoSilentCorruption()
    {
        RequireEnvironmentControl();
        Target.SetUpsetRate(1000 * UpsetInjectorOptions.Alsat1RatePerBitPerDay);

        Target.Wait(Campaign);
        Target.SetUpsetRate(0);
        ScrubNow(Region);

        var upsets = Target.InjectedUpsets.Where(u => u.Target == Region).ToList();
        var hits = upsets
            .SelectMany(upset => upset.Locations.GroupBy(location => location.Codeword), (upset, word) => (Upset: upset, Word: word.Key, Bits: word.Count()))
            .ToList();
        var multiBitHits = hits.Where(hit => hit.Bits > 1).ToList();
        var uncorrectable = EventsNamed("SCRUB_UNCORRECTABLE").Where(e => (string)e["region"]! == Region).Select(e => (long)(int)e["word"]!).ToList();
        long injectedBits = upsets.Sum(upset => (long)upset.PhysicalBits.Count);
        ulong corrected = (ulong)Value(RegionTelemetry + "_CORRECTED")!;
        ulong recoveredBits = (ulong)Value(RegionTelemetry + "_RECOVERED_BITS")!;

        // Two single upsets can land in one word between two scrubs of it; SEC-DED then sees a
        // double error, which is detected and reloaded too. Such words (two hits within two
        // nominal scrub periods) are accounted separately.
        var window = TimeSpan.FromSeconds(2 * Scrubber.DefaultPeriodSeconds);
        var wordsHitTwice = hits.Where(hit => hit.Bits == 1)
            .GroupBy(hit => hit.Word)
            .Where(word => word.Select(hit => hit.Upset.Time).Order().Zip(word.Select(hit => hit.Upset.Time).Order().Skip(1)).Any(pair => pair.Second - pair.First <= window))
            .Select(word => word.Key)
            .ToHashSet();
        var unexplained = uncorrectable.Except(multiBitHits.Select(hit => hit.Word)).Except(wordsHitTwice).ToList();

        TestContext.Out.WriteLine(
            $"{upsets.Count} upsets ({upsets.Count(u => u.IsMultiBit)} multi-bit, {injectedBits} bits) in {Campaign.TotalDays} days; " +
            $"{corrected} words corrected, {uncorrectable.Count} uncorrectable ({multiBitHits.Count} multi-bit hits, {wordsHitTwice.Count} words hit twice), " +
            $"{recoveredBits} bits restored from the golden image; scrub period {Value("SCRUB_PERIOD_S")} s, {Value("SCRUB_FULL_SCANS")} full scans");

        Assert.Multiple(() =>
        {
            Assert.That(upsets, Has.Count.GreaterThan(5_000), "the campaign injected too little to mean anything");
            Assert.That(multiBitHits, Has.Count.GreaterThan(50), "too few multi-bit upsets landed in one word");
            Assert.That(Target.Telemetry("BOOT_COUNT").Value, Is.EqualTo(1u), "the node reset during the campaign");
            Assert.That(corrected + recoveredBits, Is.EqualTo((ulong)injectedBits), "every flipped bit is corrected or restored by recovery");
            Assert.That(multiBitHits.Select(hit => hit.Word), Is.SubsetOf(uncorrectable), "every multi-bit upset in one word is detected");
            Assert.That(unexplained, Is.Empty, "an uncorrectable word that no injected upset explains");
            Assert.That(EventsNamed("SCRUB_RECOVERED").Where(e => (string)e["region"]! == Region).Sum(e => (int)e["words"]!), Is.EqualTo(uncorrectable.Count), "every detected word is recovered");
            Assert.That(EventsNamed("SCRUB_RECOVERY_FAILED"), Is.Empty);
            Assert.That(GoldenMismatches(Region), Is.Zero, "silent corruption: words differ from the golden image");
        });
    }

    [Test]
    public void FlipBitCommand_SingleBit_CorrectedByOnDemandScrub()
    {
        var flip = Target.Send("FI_FLIP_BIT", Region, "1000", "12");
        ScrubNow(Region);

        Assert.Multiple(() =>
        {
            Assert.That(flip.Succeeded, Is.True, flip.Message);
            Assert.That(EventsNamed("SCRUB_REGION_DONE").Last()["corrected"], Is.EqualTo(1L));
            Assert.That(GoldenMismatches(Region), Is.Zero);
        });
    }

    [Test]
    public void FlipBitCommand_TwoBitsOfOneWord_DetectedAndReloadedFromGolden()
    {
        Target.Send("FI_FLIP_BIT", Region, "2000", "1");
        Target.Send("FI_FLIP_BIT", Region, "2000", "2");
        ScrubNow(Region);

        Assert.Multiple(() =>
        {
            Assert.That(EventsNamed("SCRUB_UNCORRECTABLE").Single()["word"], Is.EqualTo(2000));
            Assert.That(EventsNamed("SCRUB_RECOVERED").Single()["bits"], Is.EqualTo(2L));
            Assert.That(GoldenMismatches(Region), Is.Zero);
        });
    }

    private void ScrubNow(string region)
    {
        int before = EventsNamed("SCRUB_REGION_DONE").Count();
        var response = Target.Send("SCRUB_REGION", region);
        Assert.That(response.Succeeded, Is.True, response.Message);
        Assert.That(Target.WaitFor(() => EventsNamed("SCRUB_REGION_DONE").Count() > before, TimeSpan.FromSeconds(30)), Is.True, "the on-demand scrub did not finish");
    }

    private int GoldenMismatches(string region)
    {
        int before = EventsNamed("SCRUB_GOLDEN_VERIFIED").Count();
        var response = Target.Send("SCRUB_VERIFY_GOLDEN", region);
        Assert.That(response.Succeeded, Is.True, response.Message);
        return (int)EventsNamed("SCRUB_GOLDEN_VERIFIED").Skip(before).Single()["mismatches"]!;
    }
}
