using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The AVX-512 microkernel: 8 rows by 32 columns, 16 zmm accumulators, two B loads and eight
/// A broadcasts per k step, so FMAs (not loads) bound it. 32 registers leave room to spare.
/// </summary>
internal readonly unsafe struct GemmTile512 : IGemmTile
{
    /// <inheritdoc />
    public static int Width => 32;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Full(float* a, float* b, int kc, float* c, int ldc, float* init)
    {
        unchecked
        {
            Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
            if (init != null)
            {
                c00 = c01 = Vector512.Create(init[0]);
                c10 = c11 = Vector512.Create(init[1]);
                c20 = c21 = Vector512.Create(init[2]);
                c30 = c31 = Vector512.Create(init[3]);
                c40 = c41 = Vector512.Create(init[4]);
                c50 = c51 = Vector512.Create(init[5]);
                c60 = c61 = Vector512.Create(init[6]);
                c70 = c71 = Vector512.Create(init[7]);
            }
            else
            {
                c00 = Vector512.Load(c);
                c01 = Vector512.Load(c + 16);
                c10 = Vector512.Load(c + (1 * ldc));
                c11 = Vector512.Load(c + (1 * ldc) + 16);
                c20 = Vector512.Load(c + (2 * ldc));
                c21 = Vector512.Load(c + (2 * ldc) + 16);
                c30 = Vector512.Load(c + (3 * ldc));
                c31 = Vector512.Load(c + (3 * ldc) + 16);
                c40 = Vector512.Load(c + (4 * ldc));
                c41 = Vector512.Load(c + (4 * ldc) + 16);
                c50 = Vector512.Load(c + (5 * ldc));
                c51 = Vector512.Load(c + (5 * ldc) + 16);
                c60 = Vector512.Load(c + (6 * ldc));
                c61 = Vector512.Load(c + (6 * ldc) + 16);
                c70 = Vector512.Load(c + (7 * ldc));
                c71 = Vector512.Load(c + (7 * ldc) + 16);
            }

            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector512.Load(b);
                var b1 = Vector512.Load(b + 16);
                var a0 = Vector512.Create(a[0]);
                c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
                c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
                var a1 = Vector512.Create(a[1]);
                c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
                c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
                var a2 = Vector512.Create(a[2]);
                c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
                c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
                var a3 = Vector512.Create(a[3]);
                c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
                c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
                var a4 = Vector512.Create(a[4]);
                c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
                c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
                var a5 = Vector512.Create(a[5]);
                c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
                c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
                var a6 = Vector512.Create(a[6]);
                c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
                c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
                var a7 = Vector512.Create(a[7]);
                c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
                c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
                a += Gemm.PanelRows;
                b += 32;
            }

            c00.Store(c);
            c01.Store(c + 16);
            c10.Store(c + (1 * ldc));
            c11.Store(c + (1 * ldc) + 16);
            c20.Store(c + (2 * ldc));
            c21.Store(c + (2 * ldc) + 16);
            c30.Store(c + (3 * ldc));
            c31.Store(c + (3 * ldc) + 16);
            c40.Store(c + (4 * ldc));
            c41.Store(c + (4 * ldc) + 16);
            c50.Store(c + (5 * ldc));
            c51.Store(c + (5 * ldc) + 16);
            c60.Store(c + (6 * ldc));
            c61.Store(c + (6 * ldc) + 16);
            c70.Store(c + (7 * ldc));
            c71.Store(c + (7 * ldc) + 16);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Half(float* a, float* b, int kc, float* c, int ldc, float* init)
    {
        unchecked
        {
            Vector512<float> c00, c10, c20, c30, c40, c50, c60, c70;
            if (init != null)
            {
                c00 = Vector512.Create(init[0]);
                c10 = Vector512.Create(init[1]);
                c20 = Vector512.Create(init[2]);
                c30 = Vector512.Create(init[3]);
                c40 = Vector512.Create(init[4]);
                c50 = Vector512.Create(init[5]);
                c60 = Vector512.Create(init[6]);
                c70 = Vector512.Create(init[7]);
            }
            else
            {
                c00 = Vector512.Load(c);
                c10 = Vector512.Load(c + (1 * ldc));
                c20 = Vector512.Load(c + (2 * ldc));
                c30 = Vector512.Load(c + (3 * ldc));
                c40 = Vector512.Load(c + (4 * ldc));
                c50 = Vector512.Load(c + (5 * ldc));
                c60 = Vector512.Load(c + (6 * ldc));
                c70 = Vector512.Load(c + (7 * ldc));
            }

            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector512.Load(b);
                var a0 = Vector512.Create(a[0]);
                c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
                var a1 = Vector512.Create(a[1]);
                c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
                var a2 = Vector512.Create(a[2]);
                c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
                var a3 = Vector512.Create(a[3]);
                c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
                var a4 = Vector512.Create(a[4]);
                c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
                var a5 = Vector512.Create(a[5]);
                c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
                var a6 = Vector512.Create(a[6]);
                c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
                var a7 = Vector512.Create(a[7]);
                c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
                a += Gemm.PanelRows;
                b += 32;
            }

            c00.Store(c);
            c10.Store(c + (1 * ldc));
            c20.Store(c + (2 * ldc));
            c30.Store(c + (3 * ldc));
            c40.Store(c + (4 * ldc));
            c50.Store(c + (5 * ldc));
            c60.Store(c + (6 * ldc));
            c70.Store(c + (7 * ldc));
        }
    }
}
