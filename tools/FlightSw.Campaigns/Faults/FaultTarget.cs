namespace FlightSw.Campaigns.Faults;

/// <summary>
/// Something a workload offers faults to: a layer's weights, activations or accumulators in one
/// replica, an ECC region, or a component. Targets are chosen in proportion to their bits, as
/// radiation would choose them.
/// </summary>
/// <param name="Site">The kind of site.</param>
/// <param name="Name">The layer, region or component, as the workload names it.</param>
/// <param name="Replica">The replica, or -1 where there are none.</param>
/// <param name="Elements">Elements a fault can hit: floats, codewords, or 1 for a component.</param>
/// <param name="ElementBits">Bits per element: 32 for a float, 72 for a codeword, 0 for a component.</param>
public sealed record FaultTarget(FaultSiteKind Site, string Name, int Replica, long Elements, int ElementBits)
{
    /// <summary>Bits the target holds (its weight when choosing targets); a component counts as one.</summary>
    public long Bits => ElementBits == 0 ? Elements : checked(Elements * ElementBits);
}
