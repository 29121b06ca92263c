using FlightSw.Hal.Memory;

namespace FlightSw.Sim.Faults;

/// <summary>
/// One upset the simulator injected, for comparing what was injected with what the flight
/// software noticed. Two records are equal when every field is, the bit lists element by element.
/// </summary>
/// <param name="Time">Hardware clock time of the strike (<see cref="FlightSw.Sim.Time.VirtualClock.Elapsed"/>).</param>
/// <param name="Boot">Number of the boot whose memory was hit (from 1); 0 when the injector was given no boot number.</param>
/// <param name="Target">Name of the memory hit (<see cref="IUpsetTarget.Name"/>).</param>
/// <param name="PhysicalBits">The physical bits flipped, ascending and adjacent.</param>
/// <param name="Locations">Where each flipped bit lives, in the order of <paramref name="PhysicalBits"/>.</param>
public sealed record InjectedUpset(TimeSpan Time, int Boot, string Target, IReadOnlyList<long> PhysicalBits, IReadOnlyList<CodewordBit> Locations)
{
    /// <summary>Whether the upset flipped more than one bit.</summary>
    public bool IsMultiBit => PhysicalBits.Count > 1;

    /// <inheritdoc />
    public bool Equals(InjectedUpset? other) =>
        other is not null
        && Time == other.Time
        && Boot == other.Boot
        && Target == other.Target
        && PhysicalBits.SequenceEqual(other.PhysicalBits)
        && Locations.SequenceEqual(other.Locations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Time, Boot, Target, PhysicalBits.Count > 0 ? PhysicalBits[0] : -1);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Time} boot {Boot} {Target} bits [{string.Join(", ", PhysicalBits)}] at [{string.Join(", ", Locations.Select(l => $"word {l.Codeword} bit {l.Bit}"))}]";
}
