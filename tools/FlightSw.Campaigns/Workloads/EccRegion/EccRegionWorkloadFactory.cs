using System.Globalization;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Edac.Codec;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;

namespace FlightSw.Campaigns.Workloads.EccRegion;

/// <summary>
/// The <c>ecc-region</c> workload: one Hsiao (72,64) SEC-DED region of seeded random data under
/// patrol scrubbing, with golden-image reload or escalation for what the code cannot correct.
/// Variants are interleaving depths (<c>interleave-1</c>, <c>interleave-4</c>...): the same
/// physically adjacent upset lands in one codeword without interleaving and in several with it.
/// One target, the region (<see cref="RegionName"/>): each codeword is an element of 72 bits.
/// Each trial starts from the golden data, applies the fault, scrubs the whole region, recovers
/// the uncorrectable words, reads every word back and compares (see <c>EccTrialClassifier</c>
/// for the rules). Runs on the host clock; the golden time is a measured fault-free pass.
/// </summary>
/// <remarks>
/// The golden image for the reload recovery is a verified file with a SHA-256 checksum, as flight
/// images are, named by that checksum in the temporary folder's <c>flightsw-campaigns-USER</c> folder:
/// written when the factory is built (golden recovery only) unless already there, checked again whenever a worker is
/// created, shared by every factory, worker and shard on the machine, and never deleted (one file
/// per data set, so killed runs leak nothing and no run can pull it from under another). Every
/// worker's recovery reads and verifies it on each reload; a reload that fails (the file vanished
/// or changed) is a tool failure, not a trial outcome.
/// </remarks>
public sealed class EccRegionWorkloadFactory : IWorkloadFactory
{
    /// <summary>The region's name, the one target of every variant.</summary>
    public const string RegionName = "ecc-region";

    private readonly EccRegionWorkloadConfig _config;
    private readonly EccGoldenData _golden;
    private readonly Dictionary<string, int> _depths;

    /// <summary>Builds the workload of <paramref name="config"/> and, for the golden reload, makes sure its golden image file is in place.</summary>
    /// <exception cref="ArgumentException">A depth is not one an ECC region supports (1, 2, 4 or 8), does not divide the words, or the region is refused.</exception>
    /// <exception cref="IOException">The golden image cannot be written to the temporary folder.</exception>
    /// <exception cref="UnauthorizedAccessException">The temporary folder cannot be written.</exception>
    public EccRegionWorkloadFactory(EccRegionWorkloadConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.InterleaveDepths.Count == 0)
        {
            throw new ArgumentException("The ECC-region workload needs at least one interleaving depth.", nameof(config));
        }

        _config = config;
        _depths = [];
        foreach (int depth in config.InterleaveDepths)
        {
            // Validate now, so a bad depth fails the campaign before any trial.
            OptionsOf(depth, RegionRecovery.Escalate).Validate();
            if (!_depths.TryAdd(VariantName(depth), depth))
            {
                throw new ArgumentException($"Interleaving depth {depth} is listed twice.", nameof(config));
            }
        }

        Variants = [.. config.InterleaveDepths.Select(VariantName)];
        _golden = EccGoldenData.Create(config.Words, config.DataSeed);
        if (config.Recovery == EccRecoveryChoice.Golden)
        {
            _golden.EnsureFile();
        }
    }

    /// <inheritdoc />
    public string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"ECC region of {_config.Words} words ({_config.Words * 8 / 1024.0:0.#} KiB, {_config.Importance}), Hsiao (72,64) SEC-DED, full patrol scrub then {(_config.Recovery == EccRecoveryChoice.Golden ? "reload from a verified golden image" : "escalation (no copy)")} for uncorrectable words; variants: interleave depths {string.Join(", ", _config.InterleaveDepths)}");

    /// <inheritdoc />
    public IReadOnlyList<string> Variants { get; }

    /// <inheritdoc />
    public int InputCount => 1;

    /// <inheritdoc />
    public bool RunsOnVirtualTime => false;

    /// <summary>The variant name of interleaving depth <paramref name="depth"/>: <c>interleave-D</c>.</summary>
    public static string VariantName(int depth) => string.Create(CultureInfo.InvariantCulture, $"interleave-{depth}");

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="variant"/> is not one of <see cref="Variants"/>.</exception>
    public IReadOnlyList<FaultTarget> TargetsOf(string variant)
    {
        _ = DepthOf(variant);
        return [new FaultTarget(FaultSiteKind.EccWord, RegionName, -1, _config.Words, Hsiao7264.CodewordBits)];
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="variant"/> is not one of <see cref="Variants"/>.</exception>
    /// <exception cref="IOException">The golden image file was missing or wrong and cannot be written again.</exception>
    public IWorkload Create(string variant)
    {
        int depth = DepthOf(variant);
        RegionRecovery recovery = RegionRecovery.Escalate;
        if (_config.Recovery == EccRecoveryChoice.Golden)
        {
            _golden.EnsureFile();
            recovery = RegionRecovery.ReloadFromGolden(_golden.Image);
        }

        return new EccRegionWorkload(OptionsOf(depth, recovery), _golden);
    }

    /// <inheritdoc />
    /// <remarks>Nothing to release: the golden image file is shared and kept (see the remarks on the class).</remarks>
    public void Dispose()
    {
    }

    private EccRegionOptions OptionsOf(int depth, RegionRecovery recovery) => new()
    {
        Name = RegionName,
        WordCount = _config.Words,
        Importance = _config.Importance,
        InterleaveDepth = depth,
        Recovery = recovery,
    };

    private int DepthOf(string variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return _depths.TryGetValue(variant, out int depth)
            ? depth
            : throw new ArgumentException($"'{variant}' is not a variant of this workload; known: {string.Join(", ", Variants)}.", nameof(variant));
    }
}
