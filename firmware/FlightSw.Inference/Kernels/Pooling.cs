using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// ONNX MaxPool, AveragePool and GlobalAveragePool over <c>channels</c> planes (N*C of NCHW) of
/// height x width. Windows are clipped to the input: padded cells never take part in a maximum or a
/// sum. Output sizes come from the caller (ceil_mode resolved), so a window may start in the padding
/// or past the input's right edge.
/// </summary>
internal static class Pooling
{
    /// <summary>
    /// MaxPool (with dilations). A window that covers no input cell at all yields
    /// <see cref="float.MinValue"/>, the value ONNX Runtime starts its maximum from.
    /// </summary>
    public static void Max(ReadOnlySpan<float> input, int channels, int height, int width, in ConvGeometry g, Span<float> output) =>
        Run(input, channels, height, width, g, isMax: true, countIncludePad: false, output);

    /// <summary>
    /// AveragePool (with dilations). The divisor counts the window's real cells, or with
    /// <paramref name="countIncludePad"/> its cells inside the padded input (pads included, cells that
    /// ceil_mode adds beyond the pads not, as in ONNX Runtime). A window with a zero divisor yields 0.
    /// </summary>
    public static void Average(ReadOnlySpan<float> input, int channels, int height, int width, in ConvGeometry g, bool countIncludePad, Span<float> output) =>
        Run(input, channels, height, width, g, isMax: false, countIncludePad, output);

    /// <summary>GlobalAveragePool: output[c] = mean of plane c, <paramref name="spatial"/> values each.</summary>
    /// <exception cref="ArgumentException">A span is shorter than the layout needs.</exception>
    public static void GlobalAverage(ReadOnlySpan<float> input, int channels, int spatial, Span<float> output)
    {
        if (channels < 0 || spatial <= 0 || input.Length < (long)channels * spatial || output.Length < channels)
        {
            throw new ArgumentException($"{channels} planes of {spatial} do not fit input ({input.Length}) or output ({output.Length}).");
        }

        unchecked
        {
            for (int c = 0; c < channels; c++)
            {
                // The sum's order depends on the length only, never on alignment, so it is repeatable.
                output[c] = TensorPrimitives.Sum(input.Slice(c * spatial, spatial)) / spatial;
            }
        }
    }

    private static void Run(ReadOnlySpan<float> input, int channels, int height, int width, in ConvGeometry g, bool isMax, bool countIncludePad, Span<float> output)
    {
        Validate(input, channels, height, width, g, output);
        unchecked
        {
            int inPlane = height * width;
            int outPlane = g.OutH * g.OutW;
            int paddedHeight = height + g.PadTop + g.PadBottom;
            for (int c = 0; c < channels; c++)
            {
                var plane = input.Slice(c * inPlane, inPlane);
                for (int oy = 0; oy < g.OutH; oy++)
                {
                    int start = (oy * g.StrideH) - g.PadTop;
                    var rows = PoolingTaps.Of(start, g.KernelH, g.DilationH, height);
                    int paddedRows = PoolingTaps.Of(start + g.PadTop, g.KernelH, g.DilationH, paddedHeight).Count;
                    var target = output.Slice((c * outPlane) + (oy * g.OutW), g.OutW);
                    if (isMax)
                    {
                        MaxRow(plane, width, rows, g, target);
                    }
                    else
                    {
                        AverageRow(plane, width, rows, countIncludePad ? paddedRows : -1, g, target);
                    }
                }
            }
        }
    }

    private static void MaxRow(ReadOnlySpan<float> plane, int width, PoolingTaps rows, in ConvGeometry g, Span<float> target)
    {
        unchecked
        {
            int ox = 0;
            if (rows.Count > 0 && g.StrideW == 1 && Vector.IsHardwareAccelerated)
            {
                // Stride 1 inside the input: Vector<float>.Count neighbouring outputs at once.
                var (interiorStart, interiorEnd) = PoolingTaps.Interior(g, width);
                for (; ox < interiorStart; ox++)
                {
                    target[ox] = MaxWindow(plane, width, rows, Columns(ox, g, width), g.DilationW);
                }

                ref float source = ref MemoryMarshal.GetReference(plane);
                for (; ox + Vector<float>.Count <= interiorEnd; ox += Vector<float>.Count)
                {
                    int left = ox - g.PadLeft;
                    var best = Vector.LoadUnsafe(ref source, (nuint)((rows.First * width) + left));
                    for (int r = 0; r < rows.Count; r++)
                    {
                        int rowStart = ((rows.First + (r * g.DilationH)) * width) + left;
                        for (int k = 0; k < g.KernelW; k++)
                        {
                            best = Vector.Max(best, Vector.LoadUnsafe(ref source, (nuint)(rowStart + (k * g.DilationW))));
                        }
                    }

                    best.StoreUnsafe(ref MemoryMarshal.GetReference(target), (nuint)ox);
                }
            }

            for (; ox < g.OutW; ox++)
            {
                target[ox] = MaxWindow(plane, width, rows, Columns(ox, g, width), g.DilationW);
            }
        }
    }

    // paddedRows < 0 means count_include_pad is off.
    private static void AverageRow(ReadOnlySpan<float> plane, int width, PoolingTaps rows, int paddedRows, in ConvGeometry g, Span<float> target)
    {
        unchecked
        {
            int paddedWidth = width + g.PadLeft + g.PadRight;
            int ox = 0;
            if (rows.Count > 0 && g.StrideW == 1 && Vector.IsHardwareAccelerated)
            {
                var (interiorStart, interiorEnd) = PoolingTaps.Interior(g, width);
                for (; ox < interiorStart; ox++)
                {
                    target[ox] = AverageAt(plane, width, rows, paddedRows, ox, paddedWidth, g);
                }

                // Inside the input every column tap is real, so one divisor serves the whole block;
                // the sums run in the scalar path's order, giving the same bits.
                float divisor = (paddedRows < 0 ? rows.Count : paddedRows) * g.KernelW;
                ref float source = ref MemoryMarshal.GetReference(plane);
                for (; ox + Vector<float>.Count <= interiorEnd; ox += Vector<float>.Count)
                {
                    int left = ox - g.PadLeft;
                    var sum = Vector<float>.Zero;
                    for (int r = 0; r < rows.Count; r++)
                    {
                        int rowStart = ((rows.First + (r * g.DilationH)) * width) + left;
                        for (int k = 0; k < g.KernelW; k++)
                        {
                            sum += Vector.LoadUnsafe(ref source, (nuint)(rowStart + (k * g.DilationW)));
                        }
                    }

                    (sum / divisor).StoreUnsafe(ref MemoryMarshal.GetReference(target), (nuint)ox);
                }
            }

            for (; ox < g.OutW; ox++)
            {
                target[ox] = AverageAt(plane, width, rows, paddedRows, ox, paddedWidth, g);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PoolingTaps Columns(int ox, in ConvGeometry g, int width) =>
        PoolingTaps.Of((ox * g.StrideW) - g.PadLeft, g.KernelW, g.DilationW, width);

    private static float MaxWindow(ReadOnlySpan<float> plane, int width, PoolingTaps rows, PoolingTaps columns, int dilationW)
    {
        unchecked
        {
            if (rows.Count == 0 || columns.Count == 0)
            {
                return float.MinValue;
            }

            // IEEE maximum: NaN propagates, and the order of comparison cannot change the result.
            float best = plane[(rows.First * width) + columns.First];
            for (int r = 0; r < rows.Count; r++)
            {
                int rowStart = ((rows.First + (r * rows.Step)) * width) + columns.First;
                for (int k = 0; k < columns.Count; k++)
                {
                    best = float.Max(best, plane[rowStart + (k * dilationW)]);
                }
            }

            return best;
        }
    }

    private static float AverageAt(ReadOnlySpan<float> plane, int width, PoolingTaps rows, int paddedRows, int ox, int paddedWidth, in ConvGeometry g)
    {
        unchecked
        {
            var columns = Columns(ox, g, width);
            int divisor = paddedRows < 0
                ? rows.Count * columns.Count
                : paddedRows * PoolingTaps.Of(ox * g.StrideW, g.KernelW, g.DilationW, paddedWidth).Count;
            if (divisor == 0)
            {
                return 0f;
            }

            float sum = 0f;
            for (int r = 0; r < rows.Count; r++)
            {
                int rowStart = ((rows.First + (r * rows.Step)) * width) + columns.First;
                for (int k = 0; k < columns.Count; k++)
                {
                    sum += plane[rowStart + (k * g.DilationW)];
                }
            }

            return sum / divisor;
        }
    }

    private static void Validate(ReadOnlySpan<float> input, int channels, int height, int width, in ConvGeometry g, Span<float> output)
    {
        if (g.KernelH < 1 || g.KernelW < 1 || g.StrideH < 1 || g.StrideW < 1 || g.DilationH < 1 || g.DilationW < 1
            || g.PadTop < 0 || g.PadLeft < 0 || g.PadBottom < 0 || g.PadRight < 0 || g.OutH < 0 || g.OutW < 0)
        {
            throw new ArgumentException($"Invalid pooling geometry {g}.", nameof(g));
        }

        if (channels < 0 || height < 0 || width < 0
            || input.Length < (long)channels * height * width || output.Length < (long)channels * g.OutH * g.OutW)
        {
            throw new ArgumentException($"{channels} planes of {height}x{width} -> {g.OutH}x{g.OutW} do not fit input ({input.Length}) or output ({output.Length}).");
        }
    }
}
