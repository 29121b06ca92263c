using FlightSw.Campaigns.Faults;
using FlightSw.Edac.Codec;
using FlightSw.Hal.Memory;

namespace FlightSw.Campaigns.Workloads.EccRegion;

/// <summary>
/// Turns a <see cref="PlannedFault"/> aimed at codeword bit <see cref="PlannedFault.Bit"/> of word
/// <see cref="PlannedFault.Element"/> into the physical bits to invert, as the hardware would see
/// the upset. Shared by the ECC-region and node workloads so both give a fault the same meaning:
/// <list type="bullet">
/// <item>single-bit: the physical bit of that codeword bit;</item>
/// <item>adjacent: <see cref="PlannedFault.Width"/> physically adjacent bits from it (with interleaving they land in different codewords), clipped at the memory's end;</item>
/// <item>random value: the 64 data bits replaced by <see cref="PlannedFault.Value"/>, check byte unchanged;</item>
/// <item>stuck-at: the codeword bit forced to <see cref="PlannedFault.Value"/> (nothing when it already holds it).</item>
/// </list>
/// </summary>
internal static class CodewordUpset
{
    /// <summary>The physical bits of <paramref name="target"/> the fault inverts; <paramref name="stored"/> gives the codeword as stored (read only for random values and stuck-at).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The word or bit is outside the target.</exception>
    public static IReadOnlyList<long> PhysicalBits(IUpsetTarget target, PlannedFault fault, Func<(ulong Data, byte Check)> stored)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(stored);
        long word = fault.Element;
        switch (fault.Kind)
        {
            case FaultKind.SingleBit:
                return [target.PhysicalBitOf(new CodewordBit(word, fault.Bit))];
            case FaultKind.AdjacentBits:
                long first = target.PhysicalBitOf(new CodewordBit(word, fault.Bit));
                long end = Math.Min(target.BitCount, first + Math.Max(1, fault.Width));
                var run = new List<long>();
                for (long bit = first; bit < end; bit++)
                {
                    run.Add(bit);
                }

                return run;
            case FaultKind.RandomValue:
                ulong differing = stored().Data ^ fault.Value;
                var bits = new List<long>();
                for (int bit = 0; bit < Hsiao7264.DataBits; bit++)
                {
                    if ((differing >> bit & 1) != 0)
                    {
                        bits.Add(target.PhysicalBitOf(new CodewordBit(word, bit)));
                    }
                }

                return bits;
            default:
                var (data, check) = stored();
                ulong now = fault.Bit < Hsiao7264.DataBits
                    ? data >> fault.Bit & 1
                    : (ulong)(check >> (fault.Bit - Hsiao7264.DataBits) & 1);
                return now == (fault.Value & 1) ? [] : [target.PhysicalBitOf(new CodewordBit(word, fault.Bit))];
        }
    }
}
