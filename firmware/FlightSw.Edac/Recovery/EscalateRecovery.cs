using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Recovery;

/// <summary>The region cannot repair itself: recovery changes nothing and returns Escalated, for the health monitor.</summary>
public sealed class EscalateRecovery : RegionRecovery
{
    private EscalateRecovery()
    {
    }

    /// <inheritdoc />
    public override string Description => "escalate to health";

    /// <summary>The one instance; the action has no state.</summary>
    internal static EscalateRecovery Instance { get; } = new();

    internal override RecoveryResult Apply(EccRegion region, IReadOnlyList<int> words) =>
        new(RecoveryOutcome.Escalated, 0, 0, $"ECC region '{region.Name}' has no repair action; {words.Count} uncorrectable word(s) escalated to health.");
}
