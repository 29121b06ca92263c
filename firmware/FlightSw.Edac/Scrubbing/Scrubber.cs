using System.Text;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Telemetry;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Scrubbing;

/// <summary>
/// The patrol scrubber. Every region is read and checked within the scrub period, a bounded
/// chunk per cycle so the rate group never overruns; regions are visited highest importance
/// first. Single-bit errors are corrected in place; an uncorrectable word is reported and handed
/// to its region's recovery (golden reload, recompute), or escalated to the health monitor. The
/// period adapts to the corrected-error rate (see <see cref="AdaptiveScrubRate"/>). The scrubber
/// registers its regions in the board's memory map, so radiation and fault injection reach them.
/// </summary>
/// <remarks>Schedule it in the 10 Hz rate group; it works out how much to scrub from the time since its last cycle.</remarks>
public sealed class Scrubber : Component
{
    /// <summary>Id base of the scrubber.</summary>
    public const ushort ComponentIdBase = 0x1200;

    /// <summary>Most regions one scrubber can report (three telemetry channels each).</summary>
    public const int MaxRegions = (IdsPerComponent - FirstRegionChannel) / ChannelsPerRegion;

    /// <summary>Default nominal scrub period (full scan of every region): 10 minutes.</summary>
    public const double DefaultPeriodSeconds = 600;

    /// <summary>Default shortest scrub period when the upset rate is high: 30 seconds.</summary>
    public const double DefaultMinimumPeriodSeconds = 30;

    /// <summary>Default quiet upset rate, per bit per day: about 2.5 times the Alsat-1 average of 4.04e-7.</summary>
    public const double DefaultQuietRatePerBitPerDay = 1e-6;

    /// <summary>Default most data scrubbed in one cycle: 4 MiB, about 2 ms on the scalar kernel.</summary>
    public const double DefaultMaxKibPerCycle = 4096;

    /// <summary>Time constant of the upset-rate average: 10 minutes.</summary>
    public static readonly TimeSpan RateAveragingTime = TimeSpan.FromMinutes(10);

    private const int FirstRegionChannel = 16;
    private const int ChannelsPerRegion = 3;
    private const double PeriodReportFactor = 1.5;

    private readonly PatrolCursor _cursor;
    private readonly IReadOnlyList<EccRegion> _regions;
    private readonly List<RegionChannels> _regionChannels = [];
    private readonly Queue<OnDemandScrub> _onDemand = new();

    private readonly TelemetryChannel<double> _period;
    private readonly TelemetryChannel<double> _rateEstimate;
    private readonly TelemetryChannel<double> _bytesPerSecond;
    private readonly TelemetryChannel<uint> _fullScans;
    private readonly TelemetryChannel<double> _lastFullScan;
    private readonly TelemetryChannel<double> _lastScanDuration;
    private readonly TelemetryChannel<ulong> _corrected;
    private readonly TelemetryChannel<ulong> _uncorrectable;

    private readonly EventDefinition _uncorrectableWord;
    private readonly EventDefinition _recoveredEvent;
    private readonly EventDefinition _recoveryFailed;
    private readonly EventDefinition _escalatedEvent;
    private readonly EventDefinition _periodChanged;
    private readonly EventDefinition _behind;
    private readonly EventDefinition _onDemandDone;
    private readonly EventDefinition _goldenVerified;
    private readonly EventDefinition _imageLoaded;
    private readonly EventDefinition _imageRefused;
    private readonly EventDefinition _imageChanged;
    private readonly EventDefinition _checksumNotRecorded;
    private readonly TelemetryChannel<uint> _imagesRefused;

    private readonly Parameter<double> _nominalPeriod;
    private readonly Parameter<double> _minimumPeriod;
    private readonly Parameter<double> _quietRate;
    private readonly Parameter<double> _maxKibPerCycle;

    private AdaptiveScrubRate? _rate;
    private long _bootTimestamp;
    private DateTimeOffset _lastCycle;
    private DateTimeOffset _scanStarted;
    private DateTimeOffset _throughputWindowStart;
    private long _throughputBytes;
    private double _owedWords;
    private double _reportedPeriod;
    private bool _isBehind;
    private bool _hasEscalated;
    private bool _publishNow = true;

    /// <summary>Creates a scrubber for <paramref name="regions"/> (unique names, at most <see cref="MaxRegions"/>).</summary>
    public Scrubber(IReadOnlyList<EccRegion> regions)
        : base("scrubber", ComponentIdBase)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count > MaxRegions)
        {
            throw new ArgumentException($"A scrubber reports at most {MaxRegions} regions; {regions.Count} were given.", nameof(regions));
        }

        var duplicate = regions.GroupBy(region => region.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two regions are named '{duplicate.Key}'.", nameof(regions));
        }

        var collision = regions.GroupBy(region => TelemetryStem(region.Name)).FirstOrDefault(group => group.Count() > 1);
        if (collision is not null)
        {
            throw new ArgumentException($"Regions {string.Join(" and ", collision.Select(region => $"'{region.Name}'"))} would share the telemetry names {collision.Key}_*; rename one.", nameof(regions));
        }

        _regions = [.. regions];
        _cursor = new PatrolCursor(_regions);

        _period = DeclareChannel<double>(0, "SCRUB_PERIOD_S", "s", "Scrub period in force: a full scan of every region takes this long");
        _rateEstimate = DeclareChannel<double>(1, "SCRUB_UPSET_RATE", "1/bit/day", "Corrected upsets per bit per day (10-minute average)");
        _bytesPerSecond = DeclareChannel<double>(2, "SCRUB_BYTES_PER_S", "B/s", "Bytes checked per second over the last second");
        _fullScans = DeclareChannel<uint>(3, "SCRUB_FULL_SCANS", "", "Full scans completed since boot");
        _lastFullScan = DeclareChannel<double>(4, "SCRUB_LAST_FULL_SCAN_S", "s", "Time since boot at which the last full scan completed");
        _lastScanDuration = DeclareChannel<double>(5, "SCRUB_LAST_SCAN_DURATION_S", "s", "How long the last full scan took");
        _corrected = DeclareChannel<ulong>(6, "SCRUB_CORRECTED", "", "Words corrected in every region since boot");
        _uncorrectable = DeclareChannel<ulong>(7, "SCRUB_UNCORRECTABLE", "", "Uncorrectable words found in every region since boot");
        _imagesRefused = DeclareChannel<uint>(8, "SCRUB_IMAGES_REFUSED", "", "Golden images refused at boot (bad checksum, size or file)");

        _uncorrectableWord = DeclareEvent(0, "SCRUB_UNCORRECTABLE", EventSeverity.WarningHigh, "Uncorrectable word {word} in region {region}");
        _recoveredEvent = DeclareEvent(1, "SCRUB_RECOVERED", EventSeverity.ActivityHigh, "Region {region}: {words} words restored by {action}, {bits} bits repaired");
        _recoveryFailed = DeclareEvent(2, "SCRUB_RECOVERY_FAILED", EventSeverity.WarningHigh, "Region {region}: {action} failed: {reason}");
        _escalatedEvent = DeclareEvent(3, "SCRUB_ESCALATED", EventSeverity.WarningHigh, "Region {region}: {words} words cannot be repaired here; escalated to health");
        _periodChanged = DeclareEvent(4, "SCRUB_PERIOD_CHANGED", EventSeverity.ActivityLow, "Scrub period now {periodS} s (upset rate {rate} per bit per day)");
        _behind = DeclareEvent(5, "SCRUB_BEHIND", EventSeverity.WarningLow, "Scrub cannot finish a full scan in {periodS} s at {kib} KiB per cycle");
        _onDemandDone = DeclareEvent(6, "SCRUB_REGION_DONE", EventSeverity.ActivityHigh, "Scrub of {region} done: {words} words, {corrected} corrected, {uncorrectable} uncorrectable");
        _goldenVerified = DeclareEvent(7, "SCRUB_GOLDEN_VERIFIED", EventSeverity.ActivityHigh, "Region {region}: {mismatches} words differ from its golden image");
        _imageLoaded = DeclareEvent(8, "SCRUB_IMAGE_LOADED", EventSeverity.ActivityLow, "Region {region} loaded from {file} ({bytes} bytes, {checksum} verified)");
        _imageRefused = DeclareEvent(9, "SCRUB_IMAGE_REFUSED", EventSeverity.WarningHigh, "Region {region}: golden image refused, not loaded: {reason}");
        _imageChanged = DeclareEvent(10, "SCRUB_IMAGE_CHANGED", EventSeverity.ActivityHigh, "Region {region}: new golden image {checksum} installed; stored checksum was {stored}");
        _checksumNotRecorded = DeclareEvent(11, "SCRUB_CHECKSUM_NOT_RECORDED", EventSeverity.WarningLow, "Region {region}: golden checksum {checksum} not recorded: {reason}");

        DeclareCommand(0, "SCRUB_REGION", "Scrubs one region now, ahead of the patrol", ScrubRegionCommand,
            CommandArgumentDefinition.String("region", "Region name"));
        DeclareCommand(1, "SCRUB_VERIFY_GOLDEN", "Compares a region with its verified golden image", VerifyGoldenCommand,
            CommandArgumentDefinition.String("region", "Region name"));

        _nominalPeriod = DeclareParameter(0, "SCRUB_PERIOD_S", DefaultPeriodSeconds, 1.0, 86_400.0, "s", "Nominal scrub period while the upset rate is quiet");
        _minimumPeriod = DeclareParameter(1, "SCRUB_MIN_PERIOD_S", DefaultMinimumPeriodSeconds, 1.0, 86_400.0, "s", "Shortest scrub period when the upset rate is high");
        _quietRate = DeclareParameter(2, "SCRUB_QUIET_RATE", DefaultQuietRatePerBitPerDay, 0.0, 1.0, "1/bit/day", "Upset rate up to which the nominal period holds");
        _maxKibPerCycle = DeclareParameter(3, "SCRUB_MAX_KIB_PER_CYCLE", DefaultMaxKibPerCycle, 1.0, 1_048_576.0, "KiB", "Most data scrubbed in one cycle");

        for (int index = 0; index < _regions.Count; index++)
        {
            var region = _regions[index];
            string stem = TelemetryStem(region.Name);
            byte id = (byte)(FirstRegionChannel + index * ChannelsPerRegion);
            _regionChannels.Add(new RegionChannels(
                region,
                DeclareChannel<ulong>(id, stem + "_CORRECTED", "", $"Words corrected in region {region.Name}"),
                DeclareChannel<ulong>((byte)(id + 1), stem + "_UNCORRECTABLE", "", $"Uncorrectable words found in region {region.Name}"),
                DeclareChannel<ulong>((byte)(id + 2), stem + "_RECOVERED_BITS", "", $"Bits restored by recovery in region {region.Name}")));
        }
    }

    /// <summary>
    /// The stem of a region's telemetry names (<c>_CORRECTED</c>, <c>_UNCORRECTABLE</c>,
    /// <c>_RECOVERED_BITS</c> follow it): ECC_ and the name in upper case, '-' and '.' as '_'.
    /// Two regions whose stems are equal cannot fly under one scrubber.
    /// </summary>
    public static string TelemetryStem(string regionName)
    {
        ArgumentNullException.ThrowIfNull(regionName);
        return "ECC_" + regionName.ToUpperInvariant().Replace('-', '_').Replace('.', '_');
    }

    /// <summary>The regions, in the order they were given.</summary>
    public IReadOnlyList<EccRegion> Regions => _regions;

    /// <summary>The scrub period in force now.</summary>
    public TimeSpan CurrentPeriod { get; private set; }

    /// <summary>Full scans completed since boot.</summary>
    public long FullScans => _cursor.FullScans;

    /// <inheritdoc />
    /// <remarks>
    /// Fills every region that has a golden image from it (verified first), keeping the verified
    /// checksum in the store (<see cref="GoldenChecksumRecord"/>) and reporting one that differs
    /// from the stored one as a new image; then registers every region in the board's memory map.
    /// </remarks>
    protected override void OnInitialize()
    {
        _imagesRefused.Write(0);
        _fullScans.Write(0);
        foreach (var region in _regions)
        {
            if (region.Recovery is GoldenImageRecovery golden)
            {
                LoadGoldenImage(region, golden);
            }

            Context.Board.Memory.Register(region);
        }

        long bits = Math.Max(1, _regions.Sum(region => region.BitCount));
        _rate = new AdaptiveScrubRate(bits, RateAveragingTime);
        _bootTimestamp = Context.Time.GetTimestamp();
        var now = Context.Time.GetUtcNow();
        _lastCycle = now;
        _scanStarted = now;
        _throughputWindowStart = now;
        CurrentPeriod = TimeSpan.FromSeconds(_nominalPeriod.Value);
        _reportedPeriod = CurrentPeriod.TotalSeconds;
        _period.Write(CurrentPeriod.TotalSeconds);
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        foreach (var region in _regions)
        {
            Context.Board.Memory.Unregister(region);
        }
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        var rate = _rate ?? throw new InvalidOperationException("The scrubber is not initialised.");
        var now = Context.Time.GetUtcNow();
        var elapsed = now - _lastCycle;
        _lastCycle = now;
        long correctedBefore = TotalCorrected();

        int budget = MaxWordsPerCycle();
        budget -= ServeOnDemand(budget);
        budget -= Patrol(elapsed, budget, now);

        rate.Observe(TotalCorrected() - correctedBefore, elapsed);
        UpdatePeriod(rate);
        Publish(now);
    }

    private void LoadGoldenImage(EccRegion region, GoldenImageRecovery golden)
    {
        // The same verification and size rule the recovery applies before every reload.
        if (!golden.TryLoadFor(region, out var bytes, out string failure))
        {
            _imagesRefused.Write(_imagesRefused.Value + 1);
            Emit(_imageRefused, region.Name, failure);
            return;
        }

        region.Load(bytes);
        Emit(_imageLoaded, region.Name, golden.Image.Path, bytes.LongLength, golden.Image.Checksum.ToString());
        RecordGoldenChecksum(region.Name, golden.Image.Checksum);
    }

    private void RecordGoldenChecksum(string regionName, GoldenChecksum verified)
    {
        var records = new DurableRecordStore(Context.Board.PersistentStore);
        string name = GoldenChecksumRecord.NameFor(regionName);
        string installed = verified.ToString();
        var read = records.Read(name);
        string? stored = read.Found ? Encoding.UTF8.GetString(read.Payload) : null;
        if (stored == installed)
        {
            return;
        }

        if (stored is not null || read.Refused.Count > 0)
        {
            Emit(_imageChanged, regionName, installed, stored ?? "unreadable: " + string.Join("; ", read.Refused));
        }

        try
        {
            records.Write(name, Encoding.UTF8.GetBytes(installed));
        }
        catch (IOException exception)
        {
            Emit(_checksumNotRecorded, regionName, installed, exception.Message);
        }
    }

    private int Patrol(TimeSpan elapsed, int budget, DateTimeOffset now)
    {
        if (_cursor.TotalWords == 0)
        {
            return 0;
        }

        _owedWords += _cursor.TotalWords * elapsed.TotalSeconds / CurrentPeriod.TotalSeconds;
        bool behind = _owedWords > budget + 1;
        if (behind && !_isBehind)
        {
            Emit(_behind, CurrentPeriod.TotalSeconds, _maxKibPerCycle.Value);
        }

        _isBehind = behind;
        _owedWords = Math.Min(_owedWords, budget + 1.0);
        int words = (int)Math.Min(Math.Floor(_owedWords), budget);
        _owedWords -= words;

        int done = 0;
        while (done < words && _cursor.TryTake(words - done, out var chunk))
        {
            Scrub(chunk.Region, chunk.StartWord, chunk.WordCount);
            done += chunk.WordCount;
            if (_cursor.AdvanceIfRegionDone())
            {
                CompleteFullScan(now);
            }
        }

        return done;
    }

    private int ServeOnDemand(int budget)
    {
        int done = 0;
        while (done < budget && _onDemand.TryPeek(out var request))
        {
            int count = Math.Min(budget - done, request.Region.WordCount - request.NextWord);
            var result = Scrub(request.Region, request.NextWord, count);
            request.NextWord += count;
            request.Corrected += result.CorrectedWords;
            request.Uncorrectable += result.UncorrectableWords.Count;
            done += count;
            if (request.IsDone)
            {
                _onDemand.Dequeue();
                _publishNow = true;
                Emit(_onDemandDone, request.Region.Name, request.Region.WordCount, request.Corrected, request.Uncorrectable);
            }
        }

        return done;
    }

    private RegionScrubResult Scrub(EccRegion region, int startWord, int wordCount)
    {
        var result = region.Scrub(startWord, wordCount);
        _throughputBytes += (long)wordCount * sizeof(ulong);
        if (result.UncorrectableWords.Count > 0)
        {
            Repair(region, result.UncorrectableWords);
        }

        return result;
    }

    private void Repair(EccRegion region, IReadOnlyList<int> words)
    {
        _publishNow = true;
        foreach (int word in words)
        {
            Emit(_uncorrectableWord, word, region.Name);
        }

        var recovery = region.Recover(words);
        switch (recovery.Outcome)
        {
            case RecoveryOutcome.Recovered:
                Emit(_recoveredEvent, region.Name, recovery.WordsRecovered, region.Recovery.Description, recovery.BitsRepaired);
                break;
            case RecoveryOutcome.Failed:
                Emit(_recoveryFailed, region.Name, region.Recovery.Description, recovery.Detail);
                Escalate(region, words.Count);
                break;
            default:
                Escalate(region, words.Count);
                break;
        }
    }

    private void Escalate(EccRegion region, int words)
    {
        Emit(_escalatedEvent, region.Name, words);
        if (_hasEscalated)
        {
            return; // A reset is already on its way.
        }

        _hasEscalated = true;
        string reason = $"{words} unrecoverable words in ECC region {region.Name}";
        Context.Health.Escalate(this, reason);
    }

    private void CompleteFullScan(DateTimeOffset now)
    {
        _fullScans.Write((uint)Math.Min(_cursor.FullScans, uint.MaxValue));
        _lastFullScan.Write(Context.Time.GetElapsedTime(_bootTimestamp).TotalSeconds);
        _lastScanDuration.Write((now - _scanStarted).TotalSeconds);
        _scanStarted = now;
        _publishNow = true;
    }

    private void UpdatePeriod(AdaptiveScrubRate rate)
    {
        var nominal = TimeSpan.FromSeconds(_nominalPeriod.Value);
        var minimum = TimeSpan.FromSeconds(Math.Min(_minimumPeriod.Value, _nominalPeriod.Value));
        CurrentPeriod = rate.Period(nominal, minimum, _quietRate.Value);

        double seconds = CurrentPeriod.TotalSeconds;
        bool returnedToNominal = seconds == nominal.TotalSeconds && _reportedPeriod != seconds;
        bool movedFar = seconds * PeriodReportFactor <= _reportedPeriod || seconds >= _reportedPeriod * PeriodReportFactor;
        if (returnedToNominal || movedFar)
        {
            _reportedPeriod = seconds;
            Emit(_periodChanged, Math.Round(seconds, 1), rate.RatePerBitPerDay);
        }
    }

    private void Publish(DateTimeOffset now)
    {
        // Telemetry at 1 Hz (the scrubber runs at 10 Hz), and at once after a scan or a repair
        // that the ground may be waiting for.
        var window = now - _throughputWindowStart;
        if (window >= TimeSpan.FromSeconds(1))
        {
            _bytesPerSecond.Write(_throughputBytes / window.TotalSeconds);
            _throughputBytes = 0;
            _throughputWindowStart = now;
        }
        else if (!_publishNow)
        {
            return;
        }

        _publishNow = false;
        _period.Write(CurrentPeriod.TotalSeconds);
        _rateEstimate.Write(_rate?.RatePerBitPerDay ?? 0);
        _corrected.Write((ulong)TotalCorrected());
        long uncorrectable = 0;
        foreach (var channels in _regionChannels)
        {
            channels.Publish();
            uncorrectable += channels.Region.UncorrectableWords;
        }

        _uncorrectable.Write((ulong)uncorrectable);
    }

    private long TotalCorrected()
    {
        long total = 0;
        foreach (var region in _regions)
        {
            total += region.CorrectedWords;
        }

        return total;
    }

    private int MaxWordsPerCycle() => (int)Math.Max(1, _maxKibPerCycle.Value * 1024 / sizeof(ulong));

    private CommandResult ScrubRegionCommand(CommandArguments arguments)
    {
        if (!TryFindRegion(arguments.GetString("region"), out var region, out var refusal))
        {
            return refusal;
        }

        if (_onDemand.Any(request => request.Region == region))
        {
            return CommandResult.Ok($"scrub of {region.Name} already queued");
        }

        _onDemand.Enqueue(new OnDemandScrub(region));
        return CommandResult.Ok($"scrub of {region.Name} queued ({region.WordCount} words)");
    }

    private CommandResult VerifyGoldenCommand(CommandArguments arguments)
    {
        if (!TryFindRegion(arguments.GetString("region"), out var region, out var refusal))
        {
            return refusal;
        }

        if (region.Recovery is not GoldenImageRecovery)
        {
            return CommandResult.Refused($"region {region.Name} has no golden image (its recovery is {region.Recovery.Description})");
        }

        try
        {
            int mismatches = region.CountGoldenMismatches();
            Emit(_goldenVerified, region.Name, mismatches);
            return CommandResult.Ok($"{mismatches} words differ");
        }
        catch (GoldenImageException exception)
        {
            return CommandResult.Refused(exception.Message);
        }
    }

    private bool TryFindRegion(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EccRegion? region, out CommandResult refusal)
    {
        region = _regions.FirstOrDefault(candidate => candidate.Name == name);
        refusal = region is null
            ? CommandResult.Refused($"no region named '{name}'; known: {string.Join(", ", _regions.Select(candidate => candidate.Name))}")
            : CommandResult.Ok();
        return region is not null;
    }
}
