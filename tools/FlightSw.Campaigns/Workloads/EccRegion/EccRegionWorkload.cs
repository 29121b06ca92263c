using System.Diagnostics;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Edac.Codec;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;
using EdacRegion = FlightSw.Edac.Regions.EccRegion;

namespace FlightSw.Campaigns.Workloads.EccRegion;

/// <summary>
/// One worker's ECC region (<see cref="EdacRegion"/>) of one interleaving depth. A trial
/// reloads the golden data (fresh data and check bytes), applies the fault
/// (<see cref="CodewordUpset"/>), runs the patrol pass, hands uncorrectable words to the region's
/// recovery, then reads every word back as a consumer and compares it with the golden data.
/// </summary>
/// <remarks>
/// The patrol pass is <see cref="EdacRegion.Scrub"/> over the whole region, not the flight
/// <see cref="Edac.Scrubbing.Scrubber"/> component: the scrubber needs a booted application
/// (board, health, event log) and spreads a pass over its period, while its per-chunk work is
/// exactly this scrub followed by <see cref="EdacRegion.Recover"/>. The node workload flies the
/// real scrubber.
/// </remarks>
internal sealed class EccRegionWorkload : IWorkload
{
    private readonly EdacRegion _region;
    private readonly EccGoldenData _golden;
    private readonly TimeSpan _goldenTime;

    /// <summary>Builds the region and times one fault-free pass.</summary>
    /// <exception cref="ArgumentException">The options break a region rule.</exception>
    public EccRegionWorkload(EccRegionOptions options, EccGoldenData golden)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(golden);
        _region = new EdacRegion(options);
        _golden = golden;
        _goldenTime = MeasureGoldenPass();
    }

    /// <summary>The region trials run on.</summary>
    internal EdacRegion Region => _region;

    /// <inheritdoc />
    /// <remarks>The slowest of three fault-free passes (reload, scrub, read-back) after a warm-up.</remarks>
    public TimeSpan GoldenTime(int input) => _goldenTime;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The fault is not an ECC-word fault of this region, or its word is outside it.</exception>
    public TrialVerdict Run(int input, PlannedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNotEqual(input, 0);
        if (fault.Site != FaultSiteKind.EccWord || fault.Target != _region.Name)
        {
            throw new ArgumentException($"The ECC-region workload takes ecc-word faults in region '{_region.Name}', not {fault}.", nameof(fault));
        }

        if (fault.Element < 0 || fault.Element >= _region.WordCount || fault.Bit is < 0 or >= Hsiao7264.CodewordBits)
        {
            throw new ArgumentException($"Word {fault.Element} bit {fault.Bit} is outside region '{_region.Name}' ({_region.WordCount} words of {Hsiao7264.CodewordBits} bits).", nameof(fault));
        }

        EccTrialObservation seen;
        try
        {
            seen = Observe(fault);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new TrialVerdict(TrialOutcome.Crash, $"{exception.GetType().Name} escaped the ECC region: {exception.Message}");
        }

        return EccTrialClassifier.Classify(seen);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The region is managed memory; the golden file is the factory's.
    }

    private EccTrialObservation Observe(PlannedFault fault)
    {
        _region.Load(_golden.Bytes);
        int word = (int)fault.Element;
        ulong golden = _golden.Words[word];
        var bits = CodewordUpset.PhysicalBits(_region, fault, () => (golden, Hsiao7264.Encode(golden)));
        foreach (long bit in bits)
        {
            _region.FlipBit(bit);
        }

        var scrub = _region.Scrub(0, _region.WordCount);
        RecoveryResult? recovery = scrub.IsClean ? null : _region.Recover(scrub.UncorrectableWords);
        var (readCorrected, unreadable, wrong, firstWrong) = ReadBack();
        return new EccTrialObservation(bits.Count, scrub.CorrectedWords, scrub.UncorrectableWords.Count, recovery, readCorrected, unreadable, wrong, firstWrong);
    }

    /// <summary>The consumer: every word through the correcting read, compared with the golden data.</summary>
    private (int Corrected, int Unreadable, int Wrong, int FirstWrong) ReadBack()
    {
        int corrected = 0;
        int unreadable = 0;
        int wrong = 0;
        int firstWrong = -1;
        for (int index = 0; index < _region.WordCount; index++)
        {
            var check = _region.TryReadWord(index, out ulong value);
            if (check.Status == CodewordStatus.Uncorrectable)
            {
                unreadable++;
                continue;
            }

            corrected += check.Status == CodewordStatus.Corrected ? 1 : 0;
            if (value != _golden.Words[index])
            {
                wrong++;
                firstWrong = firstWrong < 0 ? index : firstWrong;
            }
        }

        return (corrected, unreadable, wrong, firstWrong);
    }

    private TimeSpan MeasureGoldenPass()
    {
        var slowest = TimeSpan.Zero;
        for (int pass = 0; pass < 4; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            _region.Load(_golden.Bytes);
            var scrub = _region.Scrub(0, _region.WordCount);
            var (_, unreadable, wrong, _) = ReadBack();
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (scrub.CorrectedWords != 0 || !scrub.IsClean || unreadable != 0 || wrong != 0)
            {
                throw new InvalidOperationException($"The fault-free pass of ECC region '{_region.Name}' was not clean: the golden data does not round-trip.");
            }

            // The first pass warms up the JIT and caches; it does not count.
            slowest = pass == 0 || elapsed < slowest ? slowest : elapsed;
        }

        return slowest;
    }
}
