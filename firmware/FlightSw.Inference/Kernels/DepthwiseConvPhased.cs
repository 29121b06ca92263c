using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Fast depthwise convolution for any stride and dilation. Each channel is first split into
/// zero-padded phase planes: plane p holds padded columns p, p + s, p + 2s... (s the horizontal
/// stride), so every kernel tap reads a contiguous run of one plane and an output row is a few
/// vector FMAs per tap, with no bounds checks. For stride 1 the single plane is the padded input.
/// </summary>
/// <remarks>
/// Each output is bias, then the taps in (row, column) order, each by a fused multiply-add:
/// lanes are independent, so the bits do not depend on the vector width or on where a row's
/// scalar tail starts.
/// </remarks>
internal static class DepthwiseConvPhased
{
    /// <summary>Floats of scratch <see cref="Run"/> needs for one channel's phase planes.</summary>
    public static int ScratchSize(int height, int width, in ConvGeometry g)
    {
        int rows = height + g.PadTop + g.PadBottom;
        return checked(rows * g.StrideW * PhaseWidth(width, g));
    }

    /// <summary>
    /// output[c, oy, ox] = bias[c] + sum_{y,x} weights[(c*kh + y)*kw + x] * input[c, oy*sh - padTop + y*dh, ox*sw - padLeft + x*dw],
    /// zero outside the input; bias empty means 0.
    /// </summary>
    /// <remarks><paramref name="duplicate"/>, when not empty, receives a second, independent computation
    /// of the output (from the same phase planes), for checking by comparison; its length is the output's.</remarks>
    public static void Run(ReadOnlySpan<float> input, int channels, int height, int width, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, in ConvGeometry g, Span<float> output, Span<float> scratch, Span<float> duplicate = default)
    {
        int plane = height * width;
        int outPlane = g.OutH * g.OutW;
        int taps = g.KernelH * g.KernelW;
        int rows = height + g.PadTop + g.PadBottom;
        int phaseWidth = PhaseWidth(width, g);
        var phases = scratch[..ScratchSize(height, width, g)];
        for (int c = 0; c < channels; c++)
        {
            Split(input.Slice(c * plane, plane), height, width, g, rows, phaseWidth, phases);
            Convolve(phases, rows, phaseWidth, weights.Slice(c * taps, taps), bias.IsEmpty ? 0f : bias[c], g, output.Slice(c * outPlane, outPlane));
            if (!duplicate.IsEmpty)
            {
                Convolve(phases, rows, phaseWidth, weights.Slice(c * taps, taps), bias.IsEmpty ? 0f : bias[c], g, duplicate.Slice(c * outPlane, outPlane));
            }
        }
    }

    // Enough phase columns for the furthest tap of the last output: ox + (kw-1)*dw/s.
    private static int PhaseWidth(int width, in ConvGeometry g) =>
        Math.Max(g.OutW + ((g.KernelW - 1) * g.DilationW / g.StrideW) + 1, ((width + g.PadLeft + g.PadRight) / g.StrideW) + 1);

    private static void Split(ReadOnlySpan<float> x, int height, int width, in ConvGeometry g, int rows, int phaseWidth, Span<float> phases)
    {
        phases.Clear();
        int s = g.StrideW;
        unchecked
        {
            for (int y = 0; y < height; y++)
            {
                var source = x.Slice(y * width, width);
                int row = y + g.PadTop;
                if (s == 1)
                {
                    source.CopyTo(phases.Slice((row * phaseWidth) + g.PadLeft, width));
                    continue;
                }

                // Padded column j*s + p is input column j*s + p - padLeft.
                ref float from = ref MemoryMarshal.GetReference(source);
                for (int p = 0; p < s; p++)
                {
                    ref float target = ref phases[((p * rows) + row) * phaseWidth];
                    int first = Math.Max(0, (g.PadLeft - p + s - 1) / s);
                    int last = Math.Min(phaseWidth, ((width - 1 - p + g.PadLeft) / s) + 1);
                    for (int j = first; j < last; j++)
                    {
                        Unsafe.Add(ref target, j) = Unsafe.Add(ref from, (j * s) + p - g.PadLeft);
                    }
                }
            }
        }
    }

    private static void Convolve(ReadOnlySpan<float> phases, int rows, int phaseWidth, ReadOnlySpan<float> w, float bias, in ConvGeometry g, Span<float> y)
    {
        int s = g.StrideW;
        int outW = g.OutW;
        int taps = g.KernelH * g.KernelW;

        // Where each tap reads, relative to the output row's first input: computed once, not per vector.
        Span<int> offsets = taps <= 64 ? stackalloc int[taps] : new int[taps];
        for (int kh = 0; kh < g.KernelH; kh++)
        {
            for (int kw = 0; kw < g.KernelW; kw++)
            {
                int tap = kw * g.DilationW;
                offsets[(kh * g.KernelW) + kw] = ((((tap % s) * rows) + (kh * g.DilationH)) * phaseWidth) + (tap / s);
            }
        }

        ref float phaseBase = ref MemoryMarshal.GetReference(phases);
        ref float outBase = ref MemoryMarshal.GetReference(y);
        ref float weightBase = ref MemoryMarshal.GetReference(w);
        ref int offsetBase = ref MemoryMarshal.GetReference(offsets);
        int rowStep = g.StrideH * phaseWidth;
        unchecked
        {
            // Four output rows at a time: four independent FMA chains hide the FMA latency.
            int oy = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; oy + 4 <= g.OutH; oy += 4)
                {
                    ref float inRow = ref Unsafe.Add(ref phaseBase, oy * rowStep);
                    ref float outRow = ref Unsafe.Add(ref outBase, oy * outW);
                    int ox = 0;
                    for (; ox + Vector512<float>.Count <= outW; ox += Vector512<float>.Count)
                    {
                        var acc0 = Vector512.Create(bias);
                        var acc1 = acc0;
                        var acc2 = acc0;
                        var acc3 = acc0;
                        ref float start = ref Unsafe.Add(ref inRow, ox);
                        for (int t = 0; t < taps; t++)
                        {
                            ref float tap = ref Unsafe.Add(ref start, Unsafe.Add(ref offsetBase, t));
                            var weight = Vector512.Create(Unsafe.Add(ref weightBase, t));
                            acc0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref tap), weight, acc0);
                            acc1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref tap, rowStep)), weight, acc1);
                            acc2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref tap, 2 * rowStep)), weight, acc2);
                            acc3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref tap, 3 * rowStep)), weight, acc3);
                        }

                        acc0.StoreUnsafe(ref Unsafe.Add(ref outRow, ox));
                        acc1.StoreUnsafe(ref Unsafe.Add(ref outRow, ox + outW));
                        acc2.StoreUnsafe(ref Unsafe.Add(ref outRow, ox + (2 * outW)));
                        acc3.StoreUnsafe(ref Unsafe.Add(ref outRow, ox + (3 * outW)));
                    }

                    for (int r = 0; r < 4; r++)
                    {
                        RowTail(ref Unsafe.Add(ref inRow, r * rowStep), ref Unsafe.Add(ref outRow, r * outW), ox, outW, taps, ref offsetBase, ref weightBase, bias);
                    }
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                for (; oy + 4 <= g.OutH; oy += 4)
                {
                    ref float inRow = ref Unsafe.Add(ref phaseBase, oy * rowStep);
                    ref float outRow = ref Unsafe.Add(ref outBase, oy * outW);
                    int ox = 0;
                    for (; ox + Vector256<float>.Count <= outW; ox += Vector256<float>.Count)
                    {
                        var acc0 = Vector256.Create(bias);
                        var acc1 = acc0;
                        var acc2 = acc0;
                        var acc3 = acc0;
                        ref float start = ref Unsafe.Add(ref inRow, ox);
                        for (int t = 0; t < taps; t++)
                        {
                            ref float tap = ref Unsafe.Add(ref start, Unsafe.Add(ref offsetBase, t));
                            var weight = Vector256.Create(Unsafe.Add(ref weightBase, t));
                            acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref tap), weight, acc0);
                            acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref tap, rowStep)), weight, acc1);
                            acc2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref tap, 2 * rowStep)), weight, acc2);
                            acc3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref tap, 3 * rowStep)), weight, acc3);
                        }

                        acc0.StoreUnsafe(ref Unsafe.Add(ref outRow, ox));
                        acc1.StoreUnsafe(ref Unsafe.Add(ref outRow, ox + outW));
                        acc2.StoreUnsafe(ref Unsafe.Add(ref outRow, ox + (2 * outW)));
                        acc3.StoreUnsafe(ref Unsafe.Add(ref outRow, ox + (3 * outW)));
                    }

                    for (int r = 0; r < 4; r++)
                    {
                        RowTail(ref Unsafe.Add(ref inRow, r * rowStep), ref Unsafe.Add(ref outRow, r * outW), ox, outW, taps, ref offsetBase, ref weightBase, bias);
                    }
                }
            }

            for (; oy < g.OutH; oy++)
            {
                RowTail(ref Unsafe.Add(ref phaseBase, oy * rowStep), ref Unsafe.Add(ref outBase, oy * outW), 0, outW, taps, ref offsetBase, ref weightBase, bias);
            }
        }
    }

    // One output row from column ox on: 256-bit vectors where they fit, then scalars.
    private static void RowTail(ref float inRow, ref float outRow, int ox, int outW, int taps, ref int offsetBase, ref float weightBase, float bias)
    {
        unchecked
        {
            if (Vector256.IsHardwareAccelerated)
            {
                for (; ox + Vector256<float>.Count <= outW; ox += Vector256<float>.Count)
                {
                    var acc = Vector256.Create(bias);
                    ref float start = ref Unsafe.Add(ref inRow, ox);
                    for (int t = 0; t < taps; t++)
                    {
                        acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref start, Unsafe.Add(ref offsetBase, t))), Vector256.Create(Unsafe.Add(ref weightBase, t)), acc);
                    }

                    acc.StoreUnsafe(ref Unsafe.Add(ref outRow, ox));
                }
            }

            for (; ox < outW; ox++)
            {
                float acc = bias;
                ref float start = ref Unsafe.Add(ref inRow, ox);
                for (int t = 0; t < taps; t++)
                {
                    acc = MathF.FusedMultiplyAdd(Unsafe.Add(ref start, Unsafe.Add(ref offsetBase, t)), Unsafe.Add(ref weightBase, t), acc);
                }

                Unsafe.Add(ref outRow, ox) = acc;
            }
        }
    }
}
