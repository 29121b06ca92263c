using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The 256-bit microkernel (AVX2 + FMA, which has 16 ymm registers): the 8-row panel is done as
/// two passes of 4 rows by 16 columns, 8 accumulators each, so nothing spills. The second pass
/// rereads the B panel from L1.
/// </summary>
internal readonly unsafe struct GemmTile256 : IGemmTile
{
    /// <inheritdoc />
    public static int Width => 16;

    /// <inheritdoc />
    public static void Full(float* a, float* b, int kc, float* c, int ldc, float* init)
    {
        FourRows(a, b, kc, c, ldc, init);
        FourRows(a + 4, b, kc, c + (4 * ldc), ldc, init == null ? null : init + 4);
    }

    /// <inheritdoc />
    public static void Half(float* a, float* b, int kc, float* c, int ldc, float* init)
    {
        FourRowsHalf(a, b, kc, c, ldc, init);
        FourRowsHalf(a + 4, b, kc, c + (4 * ldc), ldc, init == null ? null : init + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows(float* a, float* b, int kc, float* c, int ldc, float* init)
    {
        unchecked
        {
            Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31;
            if (init != null)
            {
                c00 = c01 = Vector256.Create(init[0]);
                c10 = c11 = Vector256.Create(init[1]);
                c20 = c21 = Vector256.Create(init[2]);
                c30 = c31 = Vector256.Create(init[3]);
            }
            else
            {
                c00 = Vector256.Load(c);
                c01 = Vector256.Load(c + 8);
                c10 = Vector256.Load(c + (1 * ldc));
                c11 = Vector256.Load(c + (1 * ldc) + 8);
                c20 = Vector256.Load(c + (2 * ldc));
                c21 = Vector256.Load(c + (2 * ldc) + 8);
                c30 = Vector256.Load(c + (3 * ldc));
                c31 = Vector256.Load(c + (3 * ldc) + 8);
            }

            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector256.Load(b);
                var b1 = Vector256.Load(b + 8);
                var a0 = Vector256.Create(a[0]);
                c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
                c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
                var a1 = Vector256.Create(a[1]);
                c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
                c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
                var a2 = Vector256.Create(a[2]);
                c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
                c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
                var a3 = Vector256.Create(a[3]);
                c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
                c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
                a += Gemm.PanelRows;
                b += 16;
            }

            c00.Store(c);
            c01.Store(c + 8);
            c10.Store(c + (1 * ldc));
            c11.Store(c + (1 * ldc) + 8);
            c20.Store(c + (2 * ldc));
            c21.Store(c + (2 * ldc) + 8);
            c30.Store(c + (3 * ldc));
            c31.Store(c + (3 * ldc) + 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRowsHalf(float* a, float* b, int kc, float* c, int ldc, float* init)
    {
        unchecked
        {
            Vector256<float> c00, c10, c20, c30;
            if (init != null)
            {
                c00 = Vector256.Create(init[0]);
                c10 = Vector256.Create(init[1]);
                c20 = Vector256.Create(init[2]);
                c30 = Vector256.Create(init[3]);
            }
            else
            {
                c00 = Vector256.Load(c);
                c10 = Vector256.Load(c + (1 * ldc));
                c20 = Vector256.Load(c + (2 * ldc));
                c30 = Vector256.Load(c + (3 * ldc));
            }

            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector256.Load(b);
                var a0 = Vector256.Create(a[0]);
                c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
                var a1 = Vector256.Create(a[1]);
                c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
                var a2 = Vector256.Create(a[2]);
                c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
                var a3 = Vector256.Create(a[3]);
                c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
                a += Gemm.PanelRows;
                b += 16;
            }

            c00.Store(c);
            c10.Store(c + (1 * ldc));
            c20.Store(c + (2 * ldc));
            c30.Store(c + (3 * ldc));
        }
    }
}
