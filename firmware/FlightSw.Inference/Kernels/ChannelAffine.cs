using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// A per-channel affine map y = x*scale[c] + shift[c]: a standalone BatchNormalization folded at
/// load. Multiply and add are rounded separately (never fused) so every width gives the same bits.
/// </summary>
internal static class ChannelAffine
{
    /// <summary>
    /// Applies the map over x laid out as [outer, channels, inner]. <paramref name="y"/> may be the
    /// same span as <paramref name="x"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span is shorter than the layout needs.</exception>
    public static void Run(ReadOnlySpan<float> x, int outer, int channels, int inner, ReadOnlySpan<float> scale, ReadOnlySpan<float> shift, Span<float> y)
    {
        long count = (long)outer * channels * inner;
        if (outer < 0 || channels < 0 || inner < 0 || x.Length < count || y.Length < count || scale.Length < channels || shift.Length < channels)
        {
            throw new ArgumentException($"Layout [{outer}, {channels}, {inner}] does not fit x ({x.Length}), y ({y.Length}), scale ({scale.Length}) or shift ({shift.Length}).");
        }

        unchecked
        {
            if (inner == 1)
            {
                // [outer, channels]: whole rows against the scale and shift vectors.
                for (int o = 0; o < outer; o++)
                {
                    var row = y.Slice(o * channels, channels);
                    TensorPrimitives.Multiply(x.Slice(o * channels, channels), scale[..channels], row);
                    TensorPrimitives.Add(row, shift[..channels], row);
                }

                return;
            }

            for (int o = 0; o < outer; o++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int start = ((o * channels) + c) * inner;
                    FloatMapLoop.Apply(x.Slice(start, inner), y.Slice(start, inner), new AffineMap(scale[c], shift[c]));
                }
            }
        }
    }

    private readonly struct AffineMap(float scale, float shift) : IFloatMap
    {
        public float Invoke(float x) => (x * scale) + shift;

        public Vector128<float> Invoke(Vector128<float> x) => (x * scale) + Vector128.Create(shift);

        public Vector256<float> Invoke(Vector256<float> x) => (x * scale) + Vector256.Create(shift);

        public Vector512<float> Invoke(Vector512<float> x) => (x * scale) + Vector512.Create(shift);
    }
}
