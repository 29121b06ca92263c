using FlightSw.Core.Telemetry;
using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Scrubbing;

/// <summary>The telemetry one region gets: corrected words, uncorrectable words, bits restored by recovery.</summary>
internal sealed record RegionChannels(
    EccRegion Region,
    TelemetryChannel<ulong> Corrected,
    TelemetryChannel<ulong> Uncorrectable,
    TelemetryChannel<ulong> RecoveredBits)
{
    /// <summary>Telemetry name stem of a region: ECC_ and its name in upper case, '-' and '.' as '_'.</summary>
    public static string Stem(EccRegion region) =>
        "ECC_" + region.Name.ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    /// <summary>Copies the region's counters to telemetry.</summary>
    public void Publish()
    {
        Corrected.Write((ulong)Region.CorrectedWords);
        Uncorrectable.Write((ulong)Region.UncorrectableWords);
        RecoveredBits.Write((ulong)Region.RecoveredBits);
    }
}
