using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>Applies an <see cref="IFloatMap"/> to every element, at the widest vector width the processor runs natively.</summary>
internal static class FloatMapLoop
{
    /// <summary>
    /// y[i] = map(x[i]) for every i of <paramref name="x"/>. <paramref name="y"/> may be the same
    /// memory as <paramref name="x"/> (in place) but must not otherwise overlap it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="y"/> is shorter than <paramref name="x"/>.</exception>
    public static void Apply<TMap>(ReadOnlySpan<float> x, Span<float> y, TMap map)
        where TMap : struct, IFloatMap
    {
        if (y.Length < x.Length)
        {
            throw new ArgumentException($"Output holds {y.Length} elements, input {x.Length}.", nameof(y));
        }

        unchecked
        {
            ref float source = ref MemoryMarshal.GetReference(x);
            ref float target = ref MemoryMarshal.GetReference(y);
            nuint n = (nuint)x.Length;
            nuint i = 0;

            // Each block is loaded before it is stored, so in-place works. The tail is scalar (not an
            // overlapping last vector) because re-applying the map to finished elements in place
            // would be wrong.
            if (Vector512.IsHardwareAccelerated)
            {
                for (; i + 16 <= n; i += 16)
                {
                    map.Invoke(Vector512.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
                }
            }

            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + 8 <= n; i += 8)
                {
                    map.Invoke(Vector256.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                for (; i + 4 <= n; i += 4)
                {
                    map.Invoke(Vector128.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
                }
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref target, i) = map.Invoke(Unsafe.Add(ref source, i));
            }
        }
    }
}
