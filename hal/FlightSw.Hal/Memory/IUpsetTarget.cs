namespace FlightSw.Hal.Memory;

/// <summary>
/// A block of memory that a single-event upset can hit, as the hardware lays it out: its
/// physical bits are numbered from 0 to <see cref="BitCount"/> - 1, and physically adjacent bits
/// have adjacent numbers, so a multi-bit upset flips a run of neighbouring numbers. ECC regions
/// implement it so that a radiation model (the simulator) or a fault-injection command can hit
/// them; the owner maps each physical bit to the codeword it belongs to.
/// </summary>
/// <remarks>Called on the flight thread only, like the rest of the flight software.</remarks>
public interface IUpsetTarget
{
    /// <summary>Unique name of the memory, for example the ECC region's name.</summary>
    string Name { get; }

    /// <summary>Physical bits that an upset can hit, data and check bits together.</summary>
    long BitCount { get; }

    /// <summary>Inverts physical bit <paramref name="physicalBit"/>, as a particle strike does.</summary>
    void FlipBit(long physicalBit);

    /// <summary>The codeword, and the bit within it, that physical bit <paramref name="physicalBit"/> belongs to.</summary>
    CodewordBit Locate(long physicalBit);

    /// <summary>
    /// The physical bit that holds <paramref name="location"/>: the inverse of <see cref="Locate"/>,
    /// so that a fault-injection command can aim at one bit of one codeword.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such codeword or bit.</exception>
    long PhysicalBitOf(CodewordBit location);
}
