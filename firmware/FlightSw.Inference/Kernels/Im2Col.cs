namespace FlightSw.Inference.Kernels;

/// <summary>
/// Lays out the receptive fields of a 2-D convolution as the rows of a matrix, so the
/// convolution becomes one <see cref="Gemm"/>: row (c, y, x) holds, for every output pixel, the
/// input under kernel tap (y, x) of channel c, or 0 where the tap falls in the padding.
/// </summary>
internal static class Im2Col
{
    /// <summary>
    /// col[(c*kh*kw + y*kw + x)*(outH*outW) + oy*outW + ox] =
    /// input[c, oy*sh - padTop + y*dh, ox*sw - padLeft + x*dw], 0 outside the input.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the geometry.</exception>
    public static void Expand(ReadOnlySpan<float> input, int channels, int height, int width, in ConvGeometry g, Span<float> col)
    {
        int plane = checked(height * width);
        int pixels = checked(g.OutH * g.OutW);
        int taps = checked(g.KernelH * g.KernelW);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, checked(channels * plane), nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(col.Length, checked(channels * taps * pixels), nameof(col));
        unchecked
        {
            for (int c = 0; c < channels; c++)
            {
                var source = input.Slice(c * plane, plane);
                for (int y = 0; y < g.KernelH; y++)
                {
                    for (int x = 0; x < g.KernelW; x++)
                    {
                        var row = col.Slice(((c * taps) + (y * g.KernelW) + x) * pixels, pixels);
                        ExpandTap(source, height, width, (y * g.DilationH) - g.PadTop, (x * g.DilationW) - g.PadLeft, g, row);
                    }
                }
            }
        }
    }

    /// <summary>One matrix row: the input shifted by one kernel tap, sampled at the strides.</summary>
    private static void ExpandTap(ReadOnlySpan<float> source, int height, int width, int offsetY, int offsetX, in ConvGeometry g, Span<float> row)
    {
        unchecked
        {
            ConvGeometry.ValidRange(g.OutW, width, g.StrideW, offsetX, out int first, out int end);
            for (int oy = 0; oy < g.OutH; oy++)
            {
                var target = row.Slice(oy * g.OutW, g.OutW);
                int iy = (oy * g.StrideH) + offsetY;
                if ((uint)iy >= (uint)height)
                {
                    target.Clear();
                    continue;
                }

                target[..first].Clear();
                target[end..].Clear();
                var line = source.Slice(iy * width, width);
                if (g.StrideW == 1)
                {
                    line.Slice(first + offsetX, end - first).CopyTo(target[first..end]);
                }
                else
                {
                    for (int ox = first; ox < end; ox++)
                    {
                        target[ox] = line[(ox * g.StrideW) + offsetX];
                    }
                }
            }
        }
    }
}
