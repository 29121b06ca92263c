using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Depthwise 2-D convolution (one filter per channel), computed directly. Every output is one
/// fused multiply-add chain: start at the bias, then acc = fma(weight, input, acc) for each
/// kernel tap in row-major order, with 0 as the input of taps in the padding (the ONNX
/// definition). Vector width and path only decide which outputs are computed together, so the
/// result does not depend on them.
/// </summary>
/// <remarks>
/// Each channel's plane is copied once, zero-padded, into a stack buffer, so the inner loops
/// have no bounds to test and run along x a vector at a time. At stride 2 each padded row is
/// stored as its even then its odd columns, so the inputs of adjacent outputs are adjacent again.
/// Narrow planes run as one long line through the padded plane (fewer, longer loops). Planes too
/// big for the buffer copy the kernel's rows per output row; rows too wide for even that take a
/// scalar path with the same chain.
/// </remarks>
internal static class DepthwiseConv
{
    /// <summary>Largest stack buffer, in floats (64 KiB: a padded 112 x 112 plane fits).</summary>
    private const int MaxStackFloats = 16384;

    /// <summary>Output widths below this run a whole plane as one line (stride 1 only).</summary>
    private const int FlatWidth = 32;

    /// <summary>
    /// output[c, oy, ox] = bias[c] + sum over taps (y, x) of weights[(c*kh + y)*kw + x] *
    /// input[c, oy*sh - padTop + y*dh, ox*sw - padLeft + x*dw] (0 outside); an empty bias means 0.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the geometry.</exception>
    public static void Run(ReadOnlySpan<float> input, int channels, int height, int width, ReadOnlySpan<float> weights,
                           ReadOnlySpan<float> bias, in ConvGeometry g, Span<float> output)
    {
        int taps = checked(g.KernelH * g.KernelW);
        int pixels = checked(g.OutH * g.OutW);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, checked(channels * height * width), nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(weights.Length, checked(channels * taps), nameof(weights));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, checked(channels * pixels), nameof(output));
        if (!bias.IsEmpty)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, channels, nameof(bias));
        }

        if (pixels == 0)
        {
            return;
        }

        var layout = new Layout(g);
        unchecked
        {
            Span<int> offsets = stackalloc int[g.KernelW];
            if (layout.PlaneFloats <= MaxStackFloats)
            {
                layout.TapOffsets(offsets, deinterleaved: layout.Deinterleaved);
                Span<float> buffer = stackalloc float[(int)layout.PlaneFloats];
                RunPlanes(input, channels, height, width, weights, bias, g, layout, offsets, output, buffer);
            }
            else if (layout.RowsFloats <= MaxStackFloats)
            {
                layout.TapOffsets(offsets, deinterleaved: false);
                Span<float> buffer = stackalloc float[(int)layout.RowsFloats];
                RunRows(input, channels, height, width, weights, bias, g, layout, offsets, output, buffer);
            }
            else
            {
                RunScalar(input, channels, height, width, weights, bias, g, output);
            }
        }
    }

    private static void RunPlanes(ReadOnlySpan<float> input, int channels, int height, int width, ReadOnlySpan<float> weights,
                                  ReadOnlySpan<float> bias, in ConvGeometry g, in Layout layout, ReadOnlySpan<int> offsets,
                                  Span<float> output, Span<float> buffer)
    {
        unchecked
        {
            int taps = g.KernelH * g.KernelW;
            int rowLength = layout.RowLength;
            var plane = buffer[..(layout.PlaneRows * rowLength)];
            var work = buffer[plane.Length..];

            // The padding sits at the same places for every channel: zero it once, then copy
            // only the inputs each output reads.
            plane.Clear();
            int firstRow = Math.Max(0, g.PadTop), endRow = Math.Min(layout.PlaneRows, g.PadTop + height);
            int count = Math.Clamp(layout.Span - g.PadLeft, 0, width);
            for (int c = 0; c < channels; c++)
            {
                var source = input.Slice(c * height * width, height * width);
                for (int r = firstRow; r < endRow; r++)
                {
                    var inputs = source.Slice((r - g.PadTop) * width, count);
                    var row = plane.Slice(r * rowLength, rowLength);
                    if (layout.Deinterleaved)
                    {
                        // Padded column t = padLeft + i goes to the even half at t/2 or the odd half at (t-1)/2.
                        int half = rowLength / 2, left = g.PadLeft;
                        var evens = row[..half];
                        var odds = row[half..];
                        if ((left & 1) == 0)
                        {
                            Deinterleave(inputs, evens[(left / 2)..], odds[(left / 2)..]);
                        }
                        else
                        {
                            Deinterleave(inputs, odds[(left / 2)..], evens[((left + 1) / 2)..]);
                        }
                    }
                    else
                    {
                        inputs.CopyTo(row[g.PadLeft..]);
                    }
                }

                var filter = weights.Slice(c * taps, taps);
                float start = bias.IsEmpty ? 0f : bias[c];
                var planeOutput = output.Slice(c * g.OutH * g.OutW, g.OutH * g.OutW);
                if (layout.Flat)
                {
                    // Outputs sit at oy*rowLength + ox of one long line; the positions between are junk.
                    var flat = work[..(((g.OutH - 1) * rowLength) + g.OutW)];
                    Line(plane, g.DilationH * rowLength, offsets, filter, start, g, flat);
                    for (int oy = 0; oy < g.OutH; oy++)
                    {
                        flat.Slice(oy * rowLength, g.OutW).CopyTo(planeOutput.Slice(oy * g.OutW, g.OutW));
                    }

                    continue;
                }

                for (int oy = 0; oy < g.OutH; oy++)
                {
                    var rows = plane[(oy * g.StrideH * rowLength)..];
                    Row(rows, g.DilationH * rowLength, offsets, filter, start, g, layout, planeOutput.Slice(oy * g.OutW, g.OutW), work);
                }
            }
        }
    }

    private static void RunRows(ReadOnlySpan<float> input, int channels, int height, int width, ReadOnlySpan<float> weights,
                                ReadOnlySpan<float> bias, in ConvGeometry g, in Layout layout, ReadOnlySpan<int> offsets,
                                Span<float> output, Span<float> buffer)
    {
        unchecked
        {
            int taps = g.KernelH * g.KernelW;
            int span = layout.Span;
            var rows = buffer[..(g.KernelH * span)];
            var work = buffer[rows.Length..];
            for (int c = 0; c < channels; c++)
            {
                var source = input.Slice(c * height * width, height * width);
                var filter = weights.Slice(c * taps, taps);
                float start = bias.IsEmpty ? 0f : bias[c];
                for (int oy = 0; oy < g.OutH; oy++)
                {
                    for (int y = 0; y < g.KernelH; y++)
                    {
                        int iy = (oy * g.StrideH) - g.PadTop + (y * g.DilationH);
                        var row = rows.Slice(y * span, span);
                        if ((uint)iy < (uint)height)
                        {
                            PadRow(source.Slice(iy * width, width), g.PadLeft, row);
                        }
                        else
                        {
                            row.Clear();
                        }
                    }

                    var target = output.Slice(((c * g.OutH) + oy) * g.OutW, g.OutW);
                    Row(rows, span, offsets, filter, start, g, layout with { Deinterleaved = false }, target, work);
                }
            }
        }
    }

    /// <summary>
    /// One output row. Stride 1, or stride 2 on deinterleaved rows, reads its inputs at
    /// consecutive positions; any other stride computes the stride-1 line into
    /// <paramref name="work"/> and keeps every stride-th output.
    /// </summary>
    private static void Row(ReadOnlySpan<float> rows, int rowStride, ReadOnlySpan<int> offsets, ReadOnlySpan<float> filter, float start,
                            in ConvGeometry g, in Layout layout, Span<float> target, Span<float> work)
    {
        unchecked
        {
            if (g.StrideW == 1 || layout.Deinterleaved)
            {
                Line(rows, rowStride, offsets, filter, start, g, target);
                return;
            }

            var full = work[..layout.Line];
            Line(rows, rowStride, offsets, filter, start, g, full);
            for (int ox = 0; ox < target.Length; ox++)
            {
                target[ox] = full[ox * g.StrideW];
            }
        }
    }

    /// <summary>row[t] = source[t - padLeft], 0 outside the source.</summary>
    private static void PadRow(ReadOnlySpan<float> source, int padLeft, Span<float> row)
    {
        unchecked
        {
            int first = Math.Clamp(padLeft, 0, row.Length);
            int count = Math.Clamp(source.Length, 0, row.Length - first);
            row[..first].Clear();
            source[..count].CopyTo(row[first..]);
            row[(first + count)..].Clear();
        }
    }

    /// <summary>evens[i] = source[2i], odds[i] = source[2i + 1], for every element of the source.</summary>
    private static void Deinterleave(ReadOnlySpan<float> source, Span<float> evens, Span<float> odds)
    {
        unchecked
        {
            int i = 0;
            if (evens.Length >= (source.Length + 1) / 2 && odds.Length >= source.Length / 2)
            {
                ref float src = ref MemoryMarshal.GetReference(source);
                ref float even = ref MemoryMarshal.GetReference(evens);
                ref float odd = ref MemoryMarshal.GetReference(odds);
                if (Sse.IsSupported)
                {
                    for (; (2 * i) + 8 <= source.Length; i += 4)
                    {
                        // [a0 a2 a1 a3] and [b0 b2 b1 b3], then their low and high halves joined.
                        var a = Vector128.LoadUnsafe(ref src, (nuint)(2 * i));
                        var b = Vector128.LoadUnsafe(ref src, (nuint)((2 * i) + 4));
                        a = Sse.Shuffle(a, a, 0b11_01_10_00);
                        b = Sse.Shuffle(b, b, 0b11_01_10_00);
                        Sse.MoveLowToHigh(a, b).StoreUnsafe(ref even, (nuint)i);
                        Sse.MoveHighToLow(b, a).StoreUnsafe(ref odd, (nuint)i);
                    }
                }
                else if (AdvSimd.Arm64.IsSupported)
                {
                    for (; (2 * i) + 8 <= source.Length; i += 4)
                    {
                        var a = Vector128.LoadUnsafe(ref src, (nuint)(2 * i));
                        var b = Vector128.LoadUnsafe(ref src, (nuint)((2 * i) + 4));
                        AdvSimd.Arm64.UnzipEven(a, b).StoreUnsafe(ref even, (nuint)i);
                        AdvSimd.Arm64.UnzipOdd(a, b).StoreUnsafe(ref odd, (nuint)i);
                    }
                }
            }

            for (; 2 * i < source.Length; i++)
            {
                evens[i] = source[2 * i];
                if ((2 * i) + 1 < source.Length)
                {
                    odds[i] = source[(2 * i) + 1];
                }
            }
        }
    }

    /// <summary>
    /// output[X] = start + sum over taps of filter[y, x] * rows[y*rowStride + X + offsets[x]],
    /// widest vectors first. Each vector loop ends with one vector moved back to end at the last
    /// output: it recomputes a few outputs with the same operations, so the overlap writes identical values.
    /// </summary>
    private static void Line(ReadOnlySpan<float> rows, int rowStride, ReadOnlySpan<int> offsets, ReadOnlySpan<float> filter, float start,
                             in ConvGeometry g, Span<float> output)
    {
        unchecked
        {
            int count = output.Length;
            if (Vector.IsHardwareAccelerated && count >= Vector<float>.Count && g.KernelH == 3 && g.KernelW == 3)
            {
                LineVector3x3(rows, rowStride, offsets, filter, start, output);
            }
            else if (Vector.IsHardwareAccelerated && count >= Vector<float>.Count)
            {
                LineVector(rows, rowStride, offsets, filter, start, g.KernelH, output);
            }
            else if (Vector128.IsHardwareAccelerated && count >= Vector128<float>.Count)
            {
                LineVector128(rows, rowStride, offsets, filter, start, g.KernelH, output);
            }
            else
            {
                for (int x = 0; x < count; x++)
                {
                    output[x] = One(rows, rowStride, offsets, filter, start, g.KernelH, x);
                }
            }
        }
    }

    /// <summary><see cref="Line"/> with <c>Vector&lt;float&gt;</c> for any kernel; four vectors per tap share one weight broadcast.</summary>
    private static void LineVector(ReadOnlySpan<float> rows, int rowStride, ReadOnlySpan<int> offsets, ReadOnlySpan<float> filter, float start,
                                   int kernelH, Span<float> output)
    {
        unchecked
        {
            int lanes = Vector<float>.Count, count = output.Length, kernelW = offsets.Length;
            ref float rowRef = ref MemoryMarshal.GetReference(rows);
            ref float tapRef = ref MemoryMarshal.GetReference(filter);
            ref int offsetRef = ref MemoryMarshal.GetReference(offsets);
            ref float outRef = ref MemoryMarshal.GetReference(output);
            int x0 = 0;
            for (; x0 + (4 * lanes) <= count; x0 += 4 * lanes)
            {
                var acc0 = new Vector<float>(start);
                Vector<float> acc1 = acc0, acc2 = acc0, acc3 = acc0;
                for (int y = 0; y < kernelH; y++)
                {
                    ref float row = ref Unsafe.Add(ref rowRef, (y * rowStride) + x0);
                    for (int x = 0; x < kernelW; x++)
                    {
                        var weight = new Vector<float>(Unsafe.Add(ref tapRef, (y * kernelW) + x));
                        ref float at = ref Unsafe.Add(ref row, Unsafe.Add(ref offsetRef, x));
                        acc0 = Vector.FusedMultiplyAdd(weight, Vector.LoadUnsafe(ref at), acc0);
                        acc1 = Vector.FusedMultiplyAdd(weight, Vector.LoadUnsafe(ref at, (nuint)lanes), acc1);
                        acc2 = Vector.FusedMultiplyAdd(weight, Vector.LoadUnsafe(ref at, (nuint)(2 * lanes)), acc2);
                        acc3 = Vector.FusedMultiplyAdd(weight, Vector.LoadUnsafe(ref at, (nuint)(3 * lanes)), acc3);
                    }
                }

                acc0.StoreUnsafe(ref outRef, (nuint)x0);
                acc1.StoreUnsafe(ref outRef, (nuint)(x0 + lanes));
                acc2.StoreUnsafe(ref outRef, (nuint)(x0 + (2 * lanes)));
                acc3.StoreUnsafe(ref outRef, (nuint)(x0 + (3 * lanes)));
            }

            for (; x0 < count; x0 += lanes)
            {
                int at = Math.Min(x0, count - lanes);
                var acc = new Vector<float>(start);
                for (int y = 0; y < kernelH; y++)
                {
                    ref float row = ref Unsafe.Add(ref rowRef, (y * rowStride) + at);
                    for (int x = 0; x < kernelW; x++)
                    {
                        var weight = new Vector<float>(Unsafe.Add(ref tapRef, (y * kernelW) + x));
                        acc = Vector.FusedMultiplyAdd(weight, Vector.LoadUnsafe(ref row, (nuint)Unsafe.Add(ref offsetRef, x)), acc);
                    }
                }

                acc.StoreUnsafe(ref outRef, (nuint)at);
            }
        }
    }

    /// <summary><see cref="LineVector"/> for the common 3x3 kernel: nine weights held in registers, taps unrolled.</summary>
    private static void LineVector3x3(ReadOnlySpan<float> rows, int rowStride, ReadOnlySpan<int> offsets, ReadOnlySpan<float> filter, float start,
                                      Span<float> output)
    {
        unchecked
        {
            int lanes = Vector<float>.Count, count = output.Length;
            ref float row0 = ref MemoryMarshal.GetReference(rows);
            ref float row1 = ref Unsafe.Add(ref row0, rowStride);
            ref float row2 = ref Unsafe.Add(ref row1, rowStride);
            ref float outRef = ref MemoryMarshal.GetReference(output);
            nuint o0 = (nuint)offsets[0], o1 = (nuint)offsets[1], o2 = (nuint)offsets[2];
            var w00 = new Vector<float>(filter[0]);
            var w01 = new Vector<float>(filter[1]);
            var w02 = new Vector<float>(filter[2]);
            var w10 = new Vector<float>(filter[3]);
            var w11 = new Vector<float>(filter[4]);
            var w12 = new Vector<float>(filter[5]);
            var w20 = new Vector<float>(filter[6]);
            var w21 = new Vector<float>(filter[7]);
            var w22 = new Vector<float>(filter[8]);
            var bias = new Vector<float>(start);
            for (int x0 = 0; x0 < count; x0 += lanes)
            {
                nuint at = (nuint)Math.Min(x0, count - lanes);
                var acc = Vector.FusedMultiplyAdd(w00, Vector.LoadUnsafe(ref row0, at + o0), bias);
                acc = Vector.FusedMultiplyAdd(w01, Vector.LoadUnsafe(ref row0, at + o1), acc);
                acc = Vector.FusedMultiplyAdd(w02, Vector.LoadUnsafe(ref row0, at + o2), acc);
                acc = Vector.FusedMultiplyAdd(w10, Vector.LoadUnsafe(ref row1, at + o0), acc);
                acc = Vector.FusedMultiplyAdd(w11, Vector.LoadUnsafe(ref row1, at + o1), acc);
                acc = Vector.FusedMultiplyAdd(w12, Vector.LoadUnsafe(ref row1, at + o2), acc);
                acc = Vector.FusedMultiplyAdd(w20, Vector.LoadUnsafe(ref row2, at + o0), acc);
                acc = Vector.FusedMultiplyAdd(w21, Vector.LoadUnsafe(ref row2, at + o1), acc);
                acc = Vector.FusedMultiplyAdd(w22, Vector.LoadUnsafe(ref row2, at + o2), acc);
                acc.StoreUnsafe(ref outRef, at);
            }
        }
    }

    /// <summary><see cref="LineVector"/> with 128-bit vectors, for lines shorter than a <c>Vector&lt;float&gt;</c>.</summary>
    private static void LineVector128(ReadOnlySpan<float> rows, int rowStride, ReadOnlySpan<int> offsets, ReadOnlySpan<float> filter, float start,
                                      int kernelH, Span<float> output)
    {
        unchecked
        {
            int lanes = Vector128<float>.Count, count = output.Length, kernelW = offsets.Length;
            ref float rowRef = ref MemoryMarshal.GetReference(rows);
            ref float tapRef = ref MemoryMarshal.GetReference(filter);
            ref float outRef = ref MemoryMarshal.GetReference(output);
            for (int x0 = 0; x0 < count; x0 += lanes)
            {
                int at = Math.Min(x0, count - lanes);
                var acc = Vector128.Create(start);
                for (int y = 0; y < kernelH; y++)
                {
                    ref float row = ref Unsafe.Add(ref rowRef, (y * rowStride) + at);
                    for (int x = 0; x < kernelW; x++)
                    {
                        var weight = Vector128.Create(Unsafe.Add(ref tapRef, (y * kernelW) + x));
                        acc = Vector128.FusedMultiplyAdd(weight, Vector128.LoadUnsafe(ref row, (nuint)offsets[x]), acc);
                    }
                }

                acc.StoreUnsafe(ref outRef, (nuint)at);
            }
        }
    }

    /// <summary>One output of <see cref="Line"/>, scalar.</summary>
    private static float One(ReadOnlySpan<float> rows, int rowStride, ReadOnlySpan<int> offsets, ReadOnlySpan<float> filter, float start,
                             int kernelH, int at)
    {
        unchecked
        {
            float acc = start;
            int kernelW = offsets.Length;
            for (int y = 0; y < kernelH; y++)
            {
                for (int x = 0; x < kernelW; x++)
                {
                    acc = MathF.FusedMultiplyAdd(filter[(y * kernelW) + x], rows[(y * rowStride) + at + offsets[x]], acc);
                }
            }

            return acc;
        }
    }

    /// <summary>The same chain element by element, for rows too wide for the stack buffer.</summary>
    private static void RunScalar(ReadOnlySpan<float> input, int channels, int height, int width, ReadOnlySpan<float> weights,
                                  ReadOnlySpan<float> bias, in ConvGeometry g, Span<float> output)
    {
        unchecked
        {
            int taps = g.KernelH * g.KernelW;
            int index = 0;
            for (int c = 0; c < channels; c++)
            {
                var source = input.Slice(c * height * width, height * width);
                var filter = weights.Slice(c * taps, taps);
                float start = bias.IsEmpty ? 0f : bias[c];
                for (int oy = 0; oy < g.OutH; oy++)
                {
                    for (int ox = 0; ox < g.OutW; ox++)
                    {
                        float acc = start;
                        for (int y = 0; y < g.KernelH; y++)
                        {
                            int iy = (oy * g.StrideH) - g.PadTop + (y * g.DilationH);
                            for (int x = 0; x < g.KernelW; x++)
                            {
                                int ix = (ox * g.StrideW) - g.PadLeft + (x * g.DilationW);
                                float value = (uint)iy < (uint)height && (uint)ix < (uint)width ? source[(iy * width) + ix] : 0f;
                                acc = MathF.FusedMultiplyAdd(filter[(y * g.KernelW) + x], value, acc);
                            }
                        }

                        output[index++] = acc;
                    }
                }
            }
        }
    }

    /// <summary>Buffer geometry for one call.</summary>
    private readonly record struct Layout
    {
        public Layout(in ConvGeometry g)
        {
            // The stride-1 line holds one output per position a window can start at; a padded row
            // spans every tap of one output row; the plane holds every row any output reads.
            long line = ((long)(g.OutW - 1) * g.StrideW) + 1;
            long span = line + ((long)(g.KernelW - 1) * g.DilationW);
            long planeRows = ((long)(g.OutH - 1) * g.StrideH) + 1 + ((long)(g.KernelH - 1) * g.DilationH);
            Deinterleaved = g.StrideW == 2;
            Flat = g.StrideW == 1 && g.StrideH == 1 && g.OutW < FlatWidth;
            long rowLength = Deinterleaved ? 2 * ((span + 1) / 2) : span;
            long work = Flat ? planeRows * rowLength : Deinterleaved || g.StrideW == 1 ? 0 : line;
            PlaneFloats = (planeRows * rowLength) + work;
            RowsFloats = (g.KernelH * span) + (g.StrideW == 1 ? 0 : line);
            Line = (int)Math.Min(line, int.MaxValue);
            Span = (int)Math.Min(span, int.MaxValue);
            RowLength = (int)Math.Min(rowLength, int.MaxValue);
            PlaneRows = (int)Math.Min(planeRows, int.MaxValue);
            DilationW = g.DilationW;
        }

        public int Line { get; }

        public int Span { get; }

        public int RowLength { get; }

        public int PlaneRows { get; }

        public long PlaneFloats { get; }

        public long RowsFloats { get; }

        public bool Flat { get; }

        public bool Deinterleaved { get; init; }

        private int DilationW { get; }

        /// <summary>Where tap x of output 0 sits in a padded row (stored deinterleaved or not).</summary>
        public void TapOffsets(Span<int> offsets, bool deinterleaved)
        {
            unchecked
            {
                for (int x = 0; x < offsets.Length; x++)
                {
                    int position = x * DilationW;
                    offsets[x] = deinterleaved ? ((position & 1) * (RowLength / 2)) + (position >> 1) : position;
                }
            }
        }
    }
}
