using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Single-precision matrix multiply C = A·B + bias(row), with A (the weights) packed once at load
/// and B (the activations) packed on the fly into caller-provided scratch.
/// </summary>
/// <remarks>
/// <para>Every element of C is one fused multiply-add chain: start at bias[i] (or 0), then
/// c = fma(A[i,p], B[p,j], c) for p = 0, 1, ..., k-1. The blocking, the tile kind (full, edge,
/// single column) and the vector width only decide which elements are computed together, never
/// the operations on one element, so the result is bit-identical on every call and on every
/// code path (AVX-512, AVX2, AdvSIMD or the software fallback of <c>Vector128</c>).</para>
/// <para>Blocking (BLIS-style): A lies in panels of <see cref="PanelRows"/> rows, k-major. B is
/// packed per block of <see cref="DepthBlock"/> k by <see cref="ColumnBlock"/> columns into
/// panels one tile wide (zero-padded), so a microkernel streams both operands contiguously; the
/// A panel stays in L1 while it sweeps the B block held in L2.</para>
/// </remarks>
internal static class Gemm
{
    /// <summary>Rows of C per packed A panel and per microkernel tile.</summary>
    public const int PanelRows = 8;

    /// <summary>Largest k block: a 8 x 256 A panel (8 KiB) stays in L1.</summary>
    public const int DepthBlock = 256;

    /// <summary>Columns of B packed per block: 256 x 512 floats (512 KiB) fit a typical L2.</summary>
    public const int ColumnBlock = 512;

    /// <summary>The widest microkernel tile (<see cref="GemmTile512"/>).</summary>
    public const int MaxTileWidth = 32;

    /// <summary>Floats that <see cref="PackA"/> writes for an m x k matrix: whole panels, rows padded with zeros.</summary>
    /// <returns>The packed length.</returns>
    public static int PackedSize(int m, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return checked(RoundUp(m, PanelRows) * k);
    }

    /// <summary>
    /// Packs A into panels of <see cref="PanelRows"/> rows: packed[(i/8)*8k + p*8 + i%8] = A[i,p],
    /// zeros in the padding rows. A[i,p] is a[i*lda + p], or a[p*lda + i] when transposed.
    /// </summary>
    public static void PackA(ReadOnlySpan<float> a, int m, int k, int lda, bool transposed, Span<float> packed)
    {
        int size = PackedSize(m, k);
        CheckMatrix(a.Length, transposed ? k : m, transposed ? m : k, lda, nameof(a));
        ArgumentOutOfRangeException.ThrowIfLessThan(packed.Length, size, nameof(packed));
        packed[..size].Clear();
        unchecked
        {
            for (int i = 0; i < m; i++)
            {
                int panel = (i / PanelRows) * PanelRows * k;
                int row = i % PanelRows;
                for (int p = 0; p < k; p++)
                {
                    packed[panel + (p * PanelRows) + row] = transposed ? a[(p * lda) + i] : a[(i * lda) + p];
                }
            }
        }
    }

    /// <summary>Floats of scratch that <see cref="Multiply"/> needs for a k x n B (0 when n is 1).</summary>
    /// <returns>The scratch length.</returns>
    public static int ScratchSize(int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n <= 1 ? 0 : checked(DepthStep(k) * RoundUp(Math.Min(n, ColumnBlock), MaxTileWidth));
    }

    /// <summary>
    /// c[i*ldc + j] = bias[i] + sum_p A[i,p]*B[p,j] for an A packed by <see cref="PackA"/> and
    /// B[p,j] = b[p*ldb + j]; an empty bias means 0. Allocates nothing; c must not overlap the inputs.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short or a leading dimension too small.</exception>
    public static void Multiply(ReadOnlySpan<float> packedA, int m, int k, ReadOnlySpan<float> b, int ldb, int n,
                                Span<float> c, int ldc, ReadOnlySpan<float> bias, Span<float> scratch)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            MultiplyUsing<GemmTile512>(packedA, m, k, b, ldb, n, c, ldc, bias, scratch);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            MultiplyUsing<GemmTile256>(packedA, m, k, b, ldb, n, c, ldc, bias, scratch);
        }
        else
        {
            MultiplyUsing<GemmTile128>(packedA, m, k, b, ldb, n, c, ldc, bias, scratch);
        }
    }

    /// <summary>
    /// <see cref="Multiply"/> with a given microkernel (tests run every width on one machine);
    /// the single-column path uses 256-bit vectors with the 512- and 256-bit tiles, else 128-bit.
    /// </summary>
    internal static unsafe void MultiplyUsing<TTile>(ReadOnlySpan<float> packedA, int m, int k, ReadOnlySpan<float> b, int ldb, int n,
                                                     Span<float> c, int ldc, ReadOnlySpan<float> bias, Span<float> scratch)
        where TTile : struct, IGemmTile
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(packedA.Length, PackedSize(m, k), nameof(packedA));
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckMatrix(b.Length, k, n, ldb, nameof(b));
        CheckMatrix(c.Length, m, n, ldc, nameof(c));
        ArgumentOutOfRangeException.ThrowIfLessThan(scratch.Length, ScratchSize(k, n), nameof(scratch));
        if (!bias.IsEmpty)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, m, nameof(bias));
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = packedA, pb = b, pc = c, pbias = bias, ps = scratch)
        {
            float* biasOrNull = bias.IsEmpty ? null : pbias;
            if (k == 0)
            {
                FillWithBias(pc, m, n, ldc, biasOrNull);
            }
            else if (n == 1)
            {
                GemmSingleColumn.Run(pa, m, k, pb, ldb, pc, ldc, biasOrNull, wide: TTile.Width >= 16);
            }
            else
            {
                GemmBlocked.Run<TTile>(pa, m, k, pb, ldb, n, pc, ldc, biasOrNull, ps);
            }
        }
    }

    /// <summary>
    /// The k block used for depth k: k split into equal blocks of at most <see cref="DepthBlock"/>
    /// (288 becomes 144 + 144, not 256 + 32, so no block is short).
    /// </summary>
    internal static int DepthStep(int k)
    {
        int blocks = Math.Max(1, (k + DepthBlock - 1) / DepthBlock);
        return (k + blocks - 1) / blocks;
    }

    private static int RoundUp(int value, int multiple) => checked((value + multiple - 1) / multiple * multiple);

    private static void CheckMatrix(int length, int rows, int cols, int ld, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows, name);
        ArgumentOutOfRangeException.ThrowIfLessThan(ld, cols, name);
        if (rows > 0 && cols > 0 && length < (((long)rows - 1) * ld) + cols)
        {
            throw new ArgumentException($"{name} holds {length} floats, too few for {rows} x {cols} with leading dimension {ld}.", name);
        }
    }

    private static unsafe void FillWithBias(float* c, int m, int n, int ldc, float* bias)
    {
        unchecked
        {
            for (int i = 0; i < m; i++)
            {
                new Span<float>(c + ((long)i * ldc), n).Fill(bias == null ? 0f : bias[i]);
            }
        }
    }
}
