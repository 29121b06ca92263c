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
/// <para>
/// The patrol pass is <see cref="EdacRegion.Scrub"/> over the whole region, not the flight
/// <see cref="Edac.Scrubbing.Scrubber"/> component: the scrubber needs a booted application
/// (board, health, event log) and spreads a pass over its period, while its per-chunk work is
/// exactly this scrub followed by <see cref="EdacRegion.Recover"/>. The node workload flies the
/// real scrubber.
/// </para>
/// <para>
/// What is under test is the region: its scrub, its recovery and its correcting reads. An exception
/// from one of those is the trial's Crash. Everything else (restoring the golden data, aiming the
/// upset, comparing) is the tool's, and so is the golden image file: an exception there, or a
/// golden reload that fails because the file is gone or bad, is a tool failure thrown to the
/// runner, never a verdict.
/// </para>
/// </remarks>
internal sealed class EccRegionWorkload : IWorkload
{
    private readonly EdacRegion _region;
    private readonly EccGoldenData _golden;
    private readonly TimeSpan _goldenTime;
    private readonly ulong[] _readBack;
    private readonly CodewordStatus[] _readStatus;

    /// <summary>Builds the region and times one fault-free pass.</summary>
    /// <exception cref="ArgumentException">The options break a region rule.</exception>
    public EccRegionWorkload(EccRegionOptions options, EccGoldenData golden)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(golden);
        _region = new EdacRegion(options);
        _golden = golden;
        _readBack = new ulong[_region.WordCount];
        _readStatus = new CodewordStatus[_region.WordCount];
        _goldenTime = MeasureGoldenPass();
    }

    /// <summary>The region trials run on.</summary>
    internal EdacRegion Region => _region;

    /// <inheritdoc />
    /// <remarks>The slowest of three fault-free passes (reload, scrub, read-back) after a warm-up.</remarks>
    public TimeSpan GoldenTime(int input) => _goldenTime;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The fault is not an ECC-word fault of this region, or its word is outside it.</exception>
    /// <exception cref="InvalidOperationException">The golden reload failed (its image file vanished or was changed): a tool failure.</exception>
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

        // The tool: restore the golden data and apply the upset.
        _region.Load(_golden.Bytes);
        ulong golden = _golden.Words[(int)fault.Element];
        var bits = CodewordUpset.PhysicalBits(_region, fault, () => (golden, Hsiao7264.Encode(golden)));
        foreach (long bit in bits)
        {
            _region.FlipBit(bit);
        }

        // The region under test.
        RegionScrubResult scrub;
        RecoveryResult? recovery = null;
        try
        {
            scrub = _region.Scrub(0, _region.WordCount);
            if (!scrub.IsClean)
            {
                recovery = _region.Recover(scrub.UncorrectableWords);
            }

            for (int index = 0; index < _readBack.Length; index++)
            {
                _readStatus[index] = _region.TryReadWord(index, out _readBack[index]).Status;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new TrialVerdict(TrialOutcome.Crash, $"{exception.GetType().Name} escaped the ECC region: {exception.Message}");
        }

        if (recovery is { Outcome: RecoveryOutcome.Failed } failed && _region.Recovery is GoldenImageRecovery)
        {
            throw new InvalidOperationException($"The ECC-region workload's golden reload failed, so the trial has no outcome (a tool failure, not a DUE): {failed.Detail}");
        }

        // The tool again: compare what the consumer read.
        var (readCorrected, unreadable, wrong, firstWrong) = CompareReadBack();
        return EccTrialClassifier.Classify(new EccTrialObservation(bits.Count, scrub.CorrectedWords, scrub.UncorrectableWords.Count, recovery, readCorrected, unreadable, wrong, firstWrong));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The region is managed memory; the golden image file is shared and kept (see EccGoldenData).
    }

    /// <summary>The consumer's read-back (every word through the correcting read) compared with the golden data.</summary>
    private (int Corrected, int Unreadable, int Wrong, int FirstWrong) CompareReadBack()
    {
        int corrected = 0;
        int unreadable = 0;
        int wrong = 0;
        int firstWrong = -1;
        for (int index = 0; index < _readBack.Length; index++)
        {
            if (_readStatus[index] == CodewordStatus.Uncorrectable)
            {
                unreadable++;
                continue;
            }

            corrected += _readStatus[index] == CodewordStatus.Corrected ? 1 : 0;
            if (_readBack[index] != _golden.Words[index])
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
            for (int index = 0; index < _readBack.Length; index++)
            {
                _readStatus[index] = _region.TryReadWord(index, out _readBack[index]).Status;
            }

            var (_, unreadable, wrong, _) = CompareReadBack();
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
