using System.Runtime.CompilerServices;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The cache-blocked GEMM driver (n &gt; 1), specialised per microkernel: loops over column
/// blocks, k blocks (packing B), A panels and tiles, and routes edge tiles through a small
/// stack tile so the microkernels only ever see whole tiles.
/// </summary>
internal static unsafe class GemmBlocked
{
    /// <summary>Runs C = A·B + bias with <typeparamref name="TTile"/>; pointers are validated by <see cref="Gemm.Multiply"/>.</summary>
    public static void Run<TTile>(float* a, int m, int k, float* b, int ldb, int n, float* c, int ldc, float* bias, float* packedB)
        where TTile : struct, IGemmTile
    {
        unchecked
        {
            int width = TTile.Width;
            int kcStep = Gemm.DepthStep(k);
            float* init = stackalloc float[Gemm.PanelRows];
            float* edge = stackalloc float[Gemm.PanelRows * Gemm.MaxTileWidth];
            for (int jc = 0; jc < n; jc += Gemm.ColumnBlock)
            {
                int nc = Math.Min(Gemm.ColumnBlock, n - jc);
                for (int pc = 0; pc < k; pc += kcStep)
                {
                    int kc = Math.Min(kcStep, k - pc);
                    PackB(b + (pc * ldb) + jc, ldb, kc, nc, width, packedB);
                    for (int i = 0; i < m; i += Gemm.PanelRows)
                    {
                        int rows = Math.Min(Gemm.PanelRows, m - i);

                        // The first k block starts each chain at the bias; later blocks continue from C.
                        float* start = null;
                        if (pc == 0)
                        {
                            start = init;
                            for (int r = 0; r < Gemm.PanelRows; r++)
                            {
                                init[r] = bias != null && r < rows ? bias[i + r] : 0f;
                            }
                        }

                        float* aPanel = a + (i * k) + (pc * Gemm.PanelRows);
                        float* cRow = c + (i * ldc) + jc;
                        for (int jr = 0; jr < nc; jr += width)
                        {
                            int cols = Math.Min(width, nc - jr);
                            Tile<TTile>(aPanel, packedB + (jr * kc), kc, cRow + jr, ldc, start, rows, cols, edge);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Copies a kc x nc block of B into panels one tile wide: panel q holds columns
    /// [q*width, q*width + width) k-major, zero-padded past nc.
    /// </summary>
    private static void PackB(float* b, int ldb, int kc, int nc, int width, float* packed)
    {
        unchecked
        {
            for (int jr = 0; jr < nc; jr += width)
            {
                int cols = Math.Min(width, nc - jr);
                float* dst = packed + (jr * kc);
                float* src = b + jr;
                if (cols == width)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        Unsafe.CopyBlockUnaligned(dst, src, (uint)(width * sizeof(float)));
                        dst += width;
                        src += ldb;
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        Unsafe.CopyBlockUnaligned(dst, src, (uint)(cols * sizeof(float)));
                        Unsafe.InitBlockUnaligned(dst + cols, 0, (uint)((width - cols) * sizeof(float)));
                        dst += width;
                        src += ldb;
                    }
                }
            }
        }
    }

    /// <summary>One tile; partial tiles go through the stack tile <paramref name="edge"/> (row stride Width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile<TTile>(float* a, float* b, int kc, float* c, int ldc, float* init, int rows, int cols, float* edge)
        where TTile : struct, IGemmTile
    {
        unchecked
        {
            int width = TTile.Width;
            bool half = cols <= width / 2;
            if (rows == Gemm.PanelRows && (cols == width || cols == width / 2))
            {
                if (half)
                {
                    TTile.Half(a, b, kc, c, ldc, init);
                }
                else
                {
                    TTile.Full(a, b, kc, c, ldc, init);
                }

                return;
            }

            if (init == null)
            {
                CopyTile(c, ldc, edge, width, rows, cols);
            }

            if (half)
            {
                TTile.Half(a, b, kc, edge, width, init);
            }
            else
            {
                TTile.Full(a, b, kc, edge, width, init);
            }

            CopyTile(edge, width, c, ldc, rows, cols);
        }
    }

    private static void CopyTile(float* src, int lds, float* dst, int ldd, int rows, int cols)
    {
        unchecked
        {
            for (int r = 0; r < rows; r++)
            {
                Unsafe.CopyBlockUnaligned(dst + (r * ldd), src + (r * lds), (uint)(cols * sizeof(float)));
            }
        }
    }
}
