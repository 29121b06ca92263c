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
    /// <summary>Copies the region's counters to telemetry.</summary>
    public void Publish()
    {
        Corrected.Write((ulong)Region.CorrectedWords);
        Uncorrectable.Write((ulong)Region.UncorrectableWords);
        RecoveredBits.Write((ulong)Region.RecoveredBits);
    }
}
