using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The matrix-vector case (n = 1, classifier heads): vectorised over the 8 rows of each packed A
/// panel, so it needs no scratch and reads A exactly once. Four panels run side by side so the
/// FMA latency is hidden; each row is still one chain in ascending k, as in <see cref="Gemm"/>.
/// </summary>
internal static unsafe class GemmSingleColumn
{
    /// <summary>
    /// c[i*ldc] = bias[i] + sum_p A[i,p] * b[p*ldb] with 256-bit vectors (<paramref name="wide"/>)
    /// or 128-bit ones; pointers validated by <see cref="Gemm.Multiply"/>.
    /// </summary>
    public static void Run(float* a, int m, int k, float* b, int ldb, float* c, int ldc, float* bias, bool wide)
    {
        unchecked
        {
            const int Rows = Gemm.PanelRows;
            float* values = stackalloc float[4 * Rows];
            int panels = (m + Rows - 1) / Rows;
            int panel = 0;
            int group = wide ? 4 : 1;
            for (; panel < panels; panel += group)
            {
                int count = Math.Min(group, panels - panel);
                for (int i = 0; i < count * Rows; i++)
                {
                    int row = (panel * Rows) + i;
                    values[i] = bias != null && row < m ? bias[row] : 0f;
                }

                float* panelA = a + (panel * Rows * k);
                if (count == 4)
                {
                    FourPanels(panelA, k, b, ldb, values);
                }
                else
                {
                    // Fewer than four panels left: one at a time (each reads its own 8 values).
                    for (int one = 0; one < count; one++)
                    {
                        if (wide)
                        {
                            OnePanel256(panelA + (one * Rows * k), k, b, ldb, values + (one * Rows));
                        }
                        else
                        {
                            OnePanel128(panelA + (one * Rows * k), k, b, ldb, values + (one * Rows));
                        }
                    }
                }

                int last = Math.Min(m, (panel + count) * Rows);
                for (int row = panel * Rows; row < last; row++)
                {
                    c[row * ldc] = values[row - (panel * Rows)];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourPanels(float* a, int k, float* b, int ldb, float* values)
    {
        unchecked
        {
            int stride = Gemm.PanelRows * k;
            float* a1 = a + stride, a2 = a1 + stride, a3 = a2 + stride;
            var c0 = Vector256.Load(values);
            var c1 = Vector256.Load(values + 8);
            var c2 = Vector256.Load(values + 16);
            var c3 = Vector256.Load(values + 24);
            for (int p = 0; p < k; p++)
            {
                var x = Vector256.Create(b[p * ldb]);
                int offset = p * Gemm.PanelRows;
                c0 = Vector256.FusedMultiplyAdd(Vector256.Load(a + offset), x, c0);
                c1 = Vector256.FusedMultiplyAdd(Vector256.Load(a1 + offset), x, c1);
                c2 = Vector256.FusedMultiplyAdd(Vector256.Load(a2 + offset), x, c2);
                c3 = Vector256.FusedMultiplyAdd(Vector256.Load(a3 + offset), x, c3);
            }

            c0.Store(values);
            c1.Store(values + 8);
            c2.Store(values + 16);
            c3.Store(values + 24);
        }
    }

    private static void OnePanel256(float* a, int k, float* b, int ldb, float* values)
    {
        unchecked
        {
            var acc = Vector256.Load(values);
            for (int p = 0; p < k; p++)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.Load(a + (p * Gemm.PanelRows)), Vector256.Create(b[p * ldb]), acc);
            }

            acc.Store(values);
        }
    }

    private static void OnePanel128(float* a, int k, float* b, int ldb, float* values)
    {
        unchecked
        {
            var low = Vector128.Load(values);
            var high = Vector128.Load(values + 4);
            for (int p = 0; p < k; p++)
            {
                var x = Vector128.Create(b[p * ldb]);
                float* row = a + (p * Gemm.PanelRows);
                low = Vector128.FusedMultiplyAdd(Vector128.Load(row), x, low);
                high = Vector128.FusedMultiplyAdd(Vector128.Load(row + 4), x, high);
            }

            low.Store(values);
            high.Store(values + 4);
        }
    }
}
