using System.Globalization;
using FlightSw.Inference.Faults;

namespace FlightSw.Campaigns.Faults;

/// <summary>
/// The fault of one trial, drawn from the trial's seed: where it lands and what it does.
/// </summary>
/// <param name="Site">The kind of site.</param>
/// <param name="Target">The layer, region or component.</param>
/// <param name="Replica">The replica, or -1.</param>
/// <param name="Element">The float or codeword hit, or -1 for a component.</param>
/// <param name="Bit">The lowest bit changed (0 to 31 of a float, 0 to 71 of a codeword), or -1.</param>
/// <param name="Width">How many neighbouring bits the upset spans (1 but for adjacent upsets; the element's width for a random value).</param>
/// <param name="Kind">What the upset does.</param>
/// <param name="Value">The new bits for a random value, the stuck value (0 or 1) for stuck-at, else 0.</param>
/// <param name="At">When the fault strikes, as a fraction of the workload's golden run (0 for workloads that inject before they run).</param>
public sealed record PlannedFault(FaultSiteKind Site, string Target, int Replica, long Element, int Bit, int Width, FaultKind Kind, ulong Value, double At)
{
    /// <summary>
    /// Which field the upset hits, for reports: <c>sign</c>, <c>exponent</c> or <c>mantissa</c>
    /// of a float (by the most significant bit touched), <c>value</c> for a random value,
    /// <c>data</c> or <c>check</c> of a codeword (by the bit the upset starts at), <c>state</c> of a component.
    /// </summary>
    public string BitClass
    {
        get
        {
            if (Site == FaultSiteKind.ComponentState)
            {
                return "state";
            }

            if (Kind == FaultKind.RandomValue)
            {
                return "value";
            }

            // A codeword's neighbours are physical bits, which interleaving spreads over several
            // codewords: its class is the codeword bit the upset starts at.
            if (Site == FaultSiteKind.EccWord)
            {
                return Bit >= 64 ? "check" : "data";
            }

            int top = Bit + Width - 1;
            return top >= 31 ? "sign" : top >= 23 ? "exponent" : "mantissa";
        }
    }

    /// <summary>The change to a float element's 32 bits.</summary>
    /// <exception cref="InvalidOperationException">The fault is not aimed at a float.</exception>
    public BitChange FloatChange => Site is FaultSiteKind.Weight or FaultSiteKind.Activation or FaultSiteKind.Accumulator
        ? Kind switch
        {
            FaultKind.SingleBit => BitChange.FlipBit(Bit),
            FaultKind.AdjacentBits => new BitChange(Mask32(Bit, Width), 0, 0),
            FaultKind.RandomValue => new BitChange(0, (uint)Value, uint.MaxValue),
            _ => Value == 0 ? new BitChange(0, 0, 1u << Bit) : new BitChange(0, 1u << Bit, 0),
        }
        : throw new InvalidOperationException($"A {Site} fault does not change a float.");

    /// <summary>One line for logs and reports.</summary>
    public override string ToString()
    {
        string where = Replica >= 0 ? $"{Target} replica {Replica}" : Target;
        if (Site == FaultSiteKind.ComponentState)
        {
            return string.Create(CultureInfo.InvariantCulture, $"component-state of {where} at {At:0.###}");
        }

        string what = Kind switch
        {
            FaultKind.SingleBit => $"bit {Bit} flipped",
            FaultKind.AdjacentBits => $"bits {Bit}..{Bit + Width - 1} flipped",
            FaultKind.RandomValue => $"replaced by 0x{Value:x}",
            _ => $"bit {Bit} stuck at {Value}",
        };
        return $"{Site} {Element} of {where}: {what}";
    }

    private static uint Mask32(int bit, int width) => width >= 32 ? uint.MaxValue : ((1u << width) - 1) << bit;
}
