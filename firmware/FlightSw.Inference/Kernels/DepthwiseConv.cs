using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Depthwise 2-D convolution (one filter per channel), computed directly. Every output is one
/// fused multiply-add chain: start at the bias, then for each kernel tap in row-major order that
/// falls inside the input, acc = fma(weight, input, acc). Taps in the padding are skipped, which
/// is what adding 0·w would give for finite weights. The vector path (stride 1, the common case)
/// and the scalar path do the same operations per output, so the result does not depend on the
/// path or the vector width.
/// </summary>
internal static class DepthwiseConv
{
    /// <summary>
    /// output[c, oy, ox] = bias[c] + sum over taps (y, x) of weights[(c*kh + y)*kw + x] *
    /// input[c, oy*sh - padTop + y*dh, ox*sw - padLeft + x*dw]; an empty bias means 0.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the geometry.</exception>
    public static void Run(ReadOnlySpan<float> input, int channels, int height, int width, ReadOnlySpan<float> weights,
                           ReadOnlySpan<float> bias, in ConvGeometry g, Span<float> output)
    {
        int plane = checked(height * width);
        int taps = checked(g.KernelH * g.KernelW);
        int pixels = checked(g.OutH * g.OutW);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, checked(channels * plane), nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(weights.Length, checked(channels * taps), nameof(weights));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, checked(channels * pixels), nameof(output));
        if (!bias.IsEmpty)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, channels, nameof(bias));
        }

        unchecked
        {
            // Outputs in [first, end) have every kernel column inside the input row.
            ConvGeometry.ValidRange(g.OutW, width, g.StrideW, -g.PadLeft, out int first, out _);
            ConvGeometry.ValidRange(g.OutW, width, g.StrideW, ((g.KernelW - 1) * g.DilationW) - g.PadLeft, out _, out int end);
            end = Math.Max(end, first);
            for (int c = 0; c < channels; c++)
            {
                var source = input.Slice(c * plane, plane);
                var filter = weights.Slice(c * taps, taps);
                float start = bias.IsEmpty ? 0f : bias[c];
                for (int oy = 0; oy < g.OutH; oy++)
                {
                    var row = output.Slice((c * pixels) + (oy * g.OutW), g.OutW);
                    int top = (oy * g.StrideH) - g.PadTop;
                    for (int ox = 0; ox < first; ox++)
                    {
                        row[ox] = Pixel(source, height, width, filter, start, g, top, ox);
                    }

                    if (g.StrideW == 1 && end - first >= Vector<float>.Count)
                    {
                        InteriorStride1(source, height, width, filter, start, g, top, first, end, row);
                    }
                    else
                    {
                        for (int ox = first; ox < end; ox++)
                        {
                            row[ox] = Pixel(source, height, width, filter, start, g, top, ox);
                        }
                    }

                    for (int ox = end; ox < g.OutW; ox++)
                    {
                        row[ox] = Pixel(source, height, width, filter, start, g, top, ox);
                    }
                }
            }
        }
    }

    /// <summary>One output, any geometry: the reference chain, skipping taps in the padding.</summary>
    private static float Pixel(ReadOnlySpan<float> source, int height, int width, ReadOnlySpan<float> filter, float start,
                               in ConvGeometry g, int top, int ox)
    {
        unchecked
        {
            float acc = start;
            int left = (ox * g.StrideW) - g.PadLeft;
            for (int y = 0; y < g.KernelH; y++)
            {
                int iy = top + (y * g.DilationH);
                if ((uint)iy >= (uint)height)
                {
                    continue;
                }

                for (int x = 0; x < g.KernelW; x++)
                {
                    int ix = left + (x * g.DilationW);
                    if ((uint)ix < (uint)width)
                    {
                        acc = MathF.FusedMultiplyAdd(filter[(y * g.KernelW) + x], source[(iy * width) + ix], acc);
                    }
                }
            }

            return acc;
        }
    }

    /// <summary>
    /// Outputs [first, end) of one row at stride 1, a vector of adjacent outputs at a time; the
    /// last vector is moved back to end at <paramref name="end"/> (it recomputes a few outputs
    /// with the same operations, so the overlap writes identical values). Needs end - first &gt;= one vector.
    /// </summary>
    private static void InteriorStride1(ReadOnlySpan<float> source, int height, int width, ReadOnlySpan<float> filter, float start,
                                        in ConvGeometry g, int top, int first, int end, Span<float> row)
    {
        unchecked
        {
            int lanes = Vector<float>.Count;
            ref float src = ref MemoryMarshal.GetReference(source);
            ref float taps = ref MemoryMarshal.GetReference(filter);
            ref float dst = ref MemoryMarshal.GetReference(row);
            int kh = g.KernelH, kw = g.KernelW, dh = g.DilationH, dw = g.DilationW;
            for (int ox = first; ox < end; ox += lanes)
            {
                int at = Math.Min(ox, end - lanes);
                var acc = new Vector<float>(start);
                for (int y = 0; y < kh; y++)
                {
                    int iy = top + (y * dh);
                    if ((uint)iy >= (uint)height)
                    {
                        continue;
                    }

                    ref float line = ref Unsafe.Add(ref src, (iy * width) + at - g.PadLeft);
                    ref float weight = ref Unsafe.Add(ref taps, y * kw);
                    for (int x = 0; x < kw; x++)
                    {
                        var pixels = Vector.LoadUnsafe(ref line, (nuint)(x * dw));
                        acc = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref weight, x)), pixels, acc);
                    }
                }

                acc.StoreUnsafe(ref dst, (nuint)at);
            }
        }
    }
}
