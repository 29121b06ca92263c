using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The 128-bit microkernel (Arm AdvSIMD, or SSE; also the software fallback): the 8-row panel
/// is done as two passes of 4 rows by 8 columns, 8 accumulators each.
/// </summary>
internal readonly unsafe struct GemmTile128 : IGemmTile
{
    /// <inheritdoc />
    public static int Width => 8;

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
            Vector128<float> c00, c01, c10, c11, c20, c21, c30, c31;
            if (init != null)
            {
                c00 = c01 = Vector128.Create(init[0]);
                c10 = c11 = Vector128.Create(init[1]);
                c20 = c21 = Vector128.Create(init[2]);
                c30 = c31 = Vector128.Create(init[3]);
            }
            else
            {
                c00 = Vector128.Load(c);
                c01 = Vector128.Load(c + 4);
                c10 = Vector128.Load(c + (1 * ldc));
                c11 = Vector128.Load(c + (1 * ldc) + 4);
                c20 = Vector128.Load(c + (2 * ldc));
                c21 = Vector128.Load(c + (2 * ldc) + 4);
                c30 = Vector128.Load(c + (3 * ldc));
                c31 = Vector128.Load(c + (3 * ldc) + 4);
            }

            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector128.Load(b);
                var b1 = Vector128.Load(b + 4);
                var a0 = Vector128.Create(a[0]);
                c00 = Vector128.FusedMultiplyAdd(a0, b0, c00);
                c01 = Vector128.FusedMultiplyAdd(a0, b1, c01);
                var a1 = Vector128.Create(a[1]);
                c10 = Vector128.FusedMultiplyAdd(a1, b0, c10);
                c11 = Vector128.FusedMultiplyAdd(a1, b1, c11);
                var a2 = Vector128.Create(a[2]);
                c20 = Vector128.FusedMultiplyAdd(a2, b0, c20);
                c21 = Vector128.FusedMultiplyAdd(a2, b1, c21);
                var a3 = Vector128.Create(a[3]);
                c30 = Vector128.FusedMultiplyAdd(a3, b0, c30);
                c31 = Vector128.FusedMultiplyAdd(a3, b1, c31);
                a += Gemm.PanelRows;
                b += 8;
            }

            c00.Store(c);
            c01.Store(c + 4);
            c10.Store(c + (1 * ldc));
            c11.Store(c + (1 * ldc) + 4);
            c20.Store(c + (2 * ldc));
            c21.Store(c + (2 * ldc) + 4);
            c30.Store(c + (3 * ldc));
            c31.Store(c + (3 * ldc) + 4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRowsHalf(float* a, float* b, int kc, float* c, int ldc, float* init)
    {
        unchecked
        {
            Vector128<float> c00, c10, c20, c30;
            if (init != null)
            {
                c00 = Vector128.Create(init[0]);
                c10 = Vector128.Create(init[1]);
                c20 = Vector128.Create(init[2]);
                c30 = Vector128.Create(init[3]);
            }
            else
            {
                c00 = Vector128.Load(c);
                c10 = Vector128.Load(c + (1 * ldc));
                c20 = Vector128.Load(c + (2 * ldc));
                c30 = Vector128.Load(c + (3 * ldc));
            }

            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector128.Load(b);
                var a0 = Vector128.Create(a[0]);
                c00 = Vector128.FusedMultiplyAdd(a0, b0, c00);
                var a1 = Vector128.Create(a[1]);
                c10 = Vector128.FusedMultiplyAdd(a1, b0, c10);
                var a2 = Vector128.Create(a[2]);
                c20 = Vector128.FusedMultiplyAdd(a2, b0, c20);
                var a3 = Vector128.Create(a[3]);
                c30 = Vector128.FusedMultiplyAdd(a3, b0, c30);
                a += Gemm.PanelRows;
                b += 8;
            }

            c00.Store(c);
            c10.Store(c + (1 * ldc));
            c20.Store(c + (2 * ldc));
            c30.Store(c + (3 * ldc));
        }
    }
}
