using System.Runtime.InteropServices;

namespace FlightSw.Inference.Protection;

/// <summary>Compares replica outputs bit for bit and forms the bitwise majority.</summary>
internal static class ReplicaVote
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hold the same bits (NaNs included).</summary>
    public static bool Same(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        MemoryMarshal.Cast<float, int>(a).SequenceEqual(MemoryMarshal.Cast<float, int>(b));

    /// <summary>Writes the bitwise majority of three outputs to <paramref name="result"/>.</summary>
    public static void Majority(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> result)
    {
        var x = MemoryMarshal.Cast<float, int>(a);
        var y = MemoryMarshal.Cast<float, int>(b);
        var z = MemoryMarshal.Cast<float, int>(c);
        var r = MemoryMarshal.Cast<float, int>(result);
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = (x[i] & y[i]) | (x[i] & z[i]) | (y[i] & z[i]);
        }
    }

    /// <summary>
    /// The replica outvoted by the other two (which agree with each other), -1 when all three agree,
    /// or -2 when no two agree, from whether replicas 0 and 1 (<paramref name="ab"/>), 0 and 2
    /// (<paramref name="ac"/>) and 1 and 2 (<paramref name="bc"/>) agree.
    /// </summary>
    public static int Outvoted(bool ab, bool ac, bool bc)
    {
        return (ab, ac, bc) switch
        {
            (true, true, _) => -1,
            (true, false, _) => 2,
            (false, true, _) => 1,
            (false, false, true) => 0,
            _ => -2,
        };
    }
}
