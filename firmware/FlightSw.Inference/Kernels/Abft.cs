using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Algorithm-based fault tolerance for C = A·B + bias (Huang and Abraham's column checksum):
/// the column sums of C must equal biasSum + (column sums of A)·B. The check costs one pass over
/// B and one over C, both in double precision, vectorised over columns.
/// </summary>
/// <remarks>
/// <para><b>Why not gamma_k.</b> The checksums are formed in double, so the only rounding to
/// allow for is that of <see cref="Gemm"/>, whose c_ij is the chain s_ip = fl(a_ip·b_pj + s_i,p-1)
/// from bias_i. To first order the column sum errs by sum_i sum_p e_ip·s_ip, |e_ip| &lt;= u = 2^-24.
/// The worst-case bound gamma_k·sum|a||b| is ~1e-4 of the column for k = 2304, while a flip of
/// mantissa bit 13 of a small element moves it by ~5e-7: it would miss most flips.</para>
/// <para><b>Tolerance.</b> Instead, the probabilistic bound of Higham and Mary (SIAM J. Sci.
/// Comput. 41, 2019): with independent errors, Hoeffding gives |error| &lt;= lambda·u·sqrt(V),
/// V = sum_i sum_p s_ip^2, except with probability 2·exp(-lambda^2/2). One pass cannot see V, so
/// it is over-estimated by Q + k·S + W, each term covering a case where the others fall short:
/// Q = sum_p E_p^2 with E_p the running checksum (rows of one sign); S = sum_i c_ij^2 (partial
/// sums no larger than the result); W = sum_p (k - p)·||A[:,p]||^2·b_pj^2 (the expected size of
/// a random-sign partial sum; right even when rows and results both cancel, e.g. a two-class
/// head with w2 = -w1 near its boundary, which is why <see cref="ColumnSums"/> stores the column
/// norms when given 2k floats).
/// lambda = max(8, 0.6·R·F): 8 bounds independent errors (tail &lt; 3e-14 per column). When the
/// products are all equal (constant or binary data) the errors of a chain share a sign and add
/// up, measured at up to 0.44·sqrt(k)·u·sqrt(V), and across equal rows they add up too: the
/// flatness F = |sum_p g_p| / sqrt(sum_p g_p^2), g_p = sums_p·b_pj, tends to sqrt(k) for equal
/// products and ~1 for random ones, and the row alignment R = sum_p |sums_p| / sum_p ||A[:,p]||
/// (at least 1) tends to sqrt(m) for equal rows. Added as hard bounds: u·sqrt(k·sum_p g_p^2)
/// and u·|biasSum| for rounding the sums to float, m(k+1)·2^-149 for underflow.</para>
/// <para><b>Measured</b> on random normal, ReLU, offset, 1e20- and 1e-35-scale, heavy-tailed,
/// large-bias, constant, binary, zero-sum and two-class data, m up to 1280, k up to 2304: the
/// largest rounding difference is 0.41 of the tolerance (constant data), 0.17 on random data.
/// On random data every exponent and sign flip of an element above 1e-3 of its column's absolute
/// sum is caught, and the top 7 to 10 mantissa bits for MobileNet-sized layers (k &lt;= 600);
/// for k in the thousands the top 5 to 7 bits of elements of typical size (the rounding noise
/// grows as sqrt(k/m)). On degenerate data
/// (constant, binary, all-positive) the tolerance widens and detection weakens instead of
/// raising false alarms.</para>
/// <para><b>Cost.</b> Six double operations per element of B and two per element of C, with the
/// accumulators in registers: (k + m)·n element visits against the product's m·k·n FMAs, so the
/// check costs 5-30 % of the <see cref="Gemm"/> time when k and m are 96 or more, 50-80 % at 24
/// to 64, and more than the product for the thinnest layers (k, m ~ 16-27).</para>
/// </remarks>
internal static class Abft
{
    private const double UnitRoundoff = 1.0 / (1 << 24);
    private const double SmallestSubnormal = 1.401298464324817e-45;

    /// <summary>
    /// sums[p] = sum_i A[i,p], accumulated in double and rounded once, with A[i,p] read as in
    /// <see cref="Gemm.PackA"/>. When <paramref name="sums"/> holds 2k floats,
    /// sums[k + p] = ||A[:,p]||_2 is stored too (see <see cref="SumsLength"/>). Give it 2k: with
    /// only the sums, rows that cancel each other (a two-class head with w2 ~ -w1) can raise
    /// false alarms for outputs near zero, since nothing then shows how large their partial sums were.
    /// </summary>
    public static void ColumnSums(ReadOnlySpan<float> a, int m, int k, int lda, bool transposed, Span<float> sums)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(lda, transposed ? m : k, nameof(lda));
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Length, k, nameof(sums));
        if (m > 0 && k > 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, transposed ? ((k - 1) * lda) + m : ((m - 1) * lda) + k, nameof(a));
        }

        bool norms = sums.Length >= 2 * k;
        unchecked
        {
            for (int p = 0; p < k; p++)
            {
                double sum = 0, squares = 0;
                for (int i = 0; i < m; i++)
                {
                    double value = transposed ? a[(p * lda) + i] : a[(i * lda) + p];
                    sum += value;
                    squares += value * value;
                }

                sums[p] = (float)sum;
                if (norms)
                {
                    sums[k + p] = (float)Math.Sqrt(squares);
                }
            }
        }
    }

    /// <summary>Floats to give <see cref="ColumnSums"/> for a k-column A: the sums and the column norms.</summary>
    /// <returns>2k.</returns>
    public static int SumsLength(int k) => checked(2 * k);

    /// <summary>The bias sum the check expects: accumulated in double, rounded once.</summary>
    /// <returns>sum_i bias[i] as a float.</returns>
    public static float BiasSum(ReadOnlySpan<float> bias)
    {
        double sum = 0;
        foreach (float value in bias)
        {
            sum += value;
        }

        return (float)sum;
    }

    /// <summary>Scratch floats <see cref="FindCorruptColumn"/> needs: none, its accumulators live in registers.</summary>
    /// <returns>0.</returns>
    public static int ScratchSize(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return 0;
    }

    /// <summary>
    /// Checks C = A·B + bias column by column: expected = biasSum + sum_p sums[p]·B[p,j] against
    /// actual = sum_i c[i*ldc + j]. <paramref name="sums"/> comes from <see cref="ColumnSums"/>
    /// (k or 2k floats) and <paramref name="biasSum"/> from <see cref="BiasSum"/>.
    /// </summary>
    /// <returns>The first column whose sums differ by more than rounding allows (NaN or infinity count as differing), else -1.</returns>
    public static int FindCorruptColumn(ReadOnlySpan<float> sums, float biasSum, ReadOnlySpan<float> b, int ldb, int k, int n,
                                        ReadOnlySpan<float> c, int ldc, int m, Span<float> scratch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Length, k, nameof(sums));
        ArgumentOutOfRangeException.ThrowIfLessThan(scratch.Length, ScratchSize(n), nameof(scratch));
        CheckMatrix(b.Length, k, n, ldb, nameof(b));
        CheckMatrix(c.Length, m, n, ldc, nameof(c));
        var norms = sums.Length >= 2 * k ? sums.Slice(k, k) : ReadOnlySpan<float>.Empty;
        var column = new ColumnCheck(k, m, biasSum, RowAlignment(sums[..k], norms));
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int chunk = 2 * Vector<float>.Count;
            for (; j + chunk <= n; j += chunk)
            {
                int bad = CheckChunk(column, sums[..k], norms, b, ldb, c, ldc, j);
                if (bad >= 0)
                {
                    return j + bad;
                }
            }
        }

        for (; j < n; j++)
        {
            if (!CheckColumn(column, sums[..k], norms, b, ldb, c, ldc, j))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>
    /// How alike the rows of A are: sum_p |sums_p| / sum_p ||A[:,p]||, between 0 and sqrt(m)
    /// (equal rows), ~0.8 for random signs; at least 1, and 1 without the norms.
    /// </summary>
    private static double RowAlignment(ReadOnlySpan<float> sums, ReadOnlySpan<float> norms)
    {
        double sumMagnitude = 0, normMagnitude = 0;
        for (int p = 0; p < norms.Length; p++)
        {
            sumMagnitude += Math.Abs(sums[p]);
            normMagnitude += norms[p];
        }

        return normMagnitude > 0 ? Math.Max(1.0, sumMagnitude / normMagnitude) : 1.0;
    }

    /// <summary>Checks the 2·Vector&lt;float&gt;.Count columns from <paramref name="j"/>, keeping every accumulator in a register.</summary>
    /// <returns>The offset of the first failing column in the chunk, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CheckChunk(in ColumnCheck column, ReadOnlySpan<float> sums, ReadOnlySpan<float> norms,
                                  ReadOnlySpan<float> b, int ldb, ReadOnlySpan<float> c, int ldc, int j)
    {
        unchecked
        {
            int lanes = Vector<float>.Count;
            int k = column.K;
            ref float bRef = ref MemoryMarshal.GetReference(b);
            ref float cRef = ref MemoryMarshal.GetReference(c);

            // Pass over B: running checksum E, Q = sum E^2, G = sum (sums*b)^2, W = sum (k-p)|A_p|^2 b^2.
            var e0 = new Vector<double>(column.BiasSum);
            Vector<double> e1 = e0, e2 = e0, e3 = e0;
            Vector<double> q0 = default, q1 = default, q2 = default, q3 = default;
            Vector<double> g0 = default, g1 = default, g2 = default, g3 = default;
            Vector<double> w0 = default, w1 = default, w2 = default, w3 = default;
            for (int p = 0; p < k; p++)
            {
                double sum = sums[p];
                double norm = norms.IsEmpty ? 0.0 : norms[p];
                var s = new Vector<double>(sum);
                var weight = new Vector<double>((k - p) * norm * norm);
                ref float row = ref Unsafe.Add(ref bRef, (p * ldb) + j);
                var low = Vector.LoadUnsafe(ref row);
                var high = Vector.LoadUnsafe(ref row, (nuint)lanes);
                var d0 = Vector.WidenLower(low);
                var d1 = Vector.WidenUpper(low);
                var d2 = Vector.WidenLower(high);
                var d3 = Vector.WidenUpper(high);
                var product0 = s * d0;
                var product1 = s * d1;
                var product2 = s * d2;
                var product3 = s * d3;
                e0 += product0;
                e1 += product1;
                e2 += product2;
                e3 += product3;
                q0 = Vector.FusedMultiplyAdd(e0, e0, q0);
                q1 = Vector.FusedMultiplyAdd(e1, e1, q1);
                q2 = Vector.FusedMultiplyAdd(e2, e2, q2);
                q3 = Vector.FusedMultiplyAdd(e3, e3, q3);
                g0 = Vector.FusedMultiplyAdd(product0, product0, g0);
                g1 = Vector.FusedMultiplyAdd(product1, product1, g1);
                g2 = Vector.FusedMultiplyAdd(product2, product2, g2);
                g3 = Vector.FusedMultiplyAdd(product3, product3, g3);
                w0 = Vector.FusedMultiplyAdd(weight, d0 * d0, w0);
                w1 = Vector.FusedMultiplyAdd(weight, d1 * d1, w1);
                w2 = Vector.FusedMultiplyAdd(weight, d2 * d2, w2);
                w3 = Vector.FusedMultiplyAdd(weight, d3 * d3, w3);
            }

            // Pass over C: actual column sums and sums of squares.
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int i = 0; i < column.M; i++)
            {
                ref float row = ref Unsafe.Add(ref cRef, (i * ldc) + j);
                var low = Vector.LoadUnsafe(ref row);
                var high = Vector.LoadUnsafe(ref row, (nuint)lanes);
                var d0 = Vector.WidenLower(low);
                var d1 = Vector.WidenUpper(low);
                var d2 = Vector.WidenLower(high);
                var d3 = Vector.WidenUpper(high);
                a0 += d0;
                a1 += d1;
                a2 += d2;
                a3 += d3;
                s0 = Vector.FusedMultiplyAdd(d0, d0, s0);
                s1 = Vector.FusedMultiplyAdd(d1, d1, s1);
                s2 = Vector.FusedMultiplyAdd(d2, d2, s2);
                s3 = Vector.FusedMultiplyAdd(d3, d3, s3);
            }

            int half = lanes / 2;
            if (!column.Passes(e0, q0, g0, w0, a0, s0))
            {
                return FirstFailingLane(column, e0, q0, g0, w0, a0, s0);
            }

            if (!column.Passes(e1, q1, g1, w1, a1, s1))
            {
                return half + FirstFailingLane(column, e1, q1, g1, w1, a1, s1);
            }

            if (!column.Passes(e2, q2, g2, w2, a2, s2))
            {
                return lanes + FirstFailingLane(column, e2, q2, g2, w2, a2, s2);
            }

            return column.Passes(e3, q3, g3, w3, a3, s3) ? -1 : lanes + half + FirstFailingLane(column, e3, q3, g3, w3, a3, s3);
        }
    }

    private static int FirstFailingLane(in ColumnCheck column, Vector<double> e, Vector<double> q, Vector<double> g,
                                        Vector<double> w, Vector<double> a, Vector<double> s)
    {
        for (int lane = 0; lane < Vector<double>.Count; lane++)
        {
            if (!column.Passes(e[lane], q[lane], g[lane], w[lane], a[lane], s[lane]))
            {
                return lane;
            }
        }

        return 0;
    }

    /// <summary>One column with scalar doubles: the same statistics as <see cref="CheckChunk"/>.</summary>
    /// <returns>True when the column passes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool CheckColumn(in ColumnCheck column, ReadOnlySpan<float> sums, ReadOnlySpan<float> norms,
                                    ReadOnlySpan<float> b, int ldb, ReadOnlySpan<float> c, int ldc, int j)
    {
        unchecked
        {
            int k = column.K;
            double e = column.BiasSum, q = 0, g = 0, w = 0;
            for (int r = 0; r < k; r++)
            {
                double sum = sums[r];
                double norm = norms.IsEmpty ? 0.0 : norms[r];
                double value = b[(r * ldb) + j];
                double product = sum * value;
                e += product;
                q = Math.FusedMultiplyAdd(e, e, q);
                g = Math.FusedMultiplyAdd(product, product, g);
                w = Math.FusedMultiplyAdd((k - r) * norm * norm, value * value, w);
            }

            double a = 0, s = 0;
            for (int i = 0; i < column.M; i++)
            {
                double value = c[(i * ldc) + j];
                a += value;
                s = Math.FusedMultiplyAdd(value, value, s);
            }

            return column.Passes(e, q, g, w, a, s);
        }
    }

    private static void CheckMatrix(int length, int rows, int cols, int ld, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ld, cols, name);
        if (rows > 0 && cols > 0 && length < (((long)rows - 1) * ld) + cols)
        {
            throw new ArgumentException($"{name} holds {length} floats, too few for {rows} x {cols} with leading dimension {ld}.", name);
        }
    }

    /// <summary>The per-call constants of the check and the pass/fail test on one column's statistics.</summary>
    private readonly struct ColumnCheck(int k, int m, float biasSum, double rowAlignment)
    {
        private const double RandomLambda = 8.0;
        private const double CoherentLambda = 0.6;

        public int K { get; } = k;

        public int M { get; } = m;

        public double BiasSum { get; } = biasSum;

        private double SqrtK { get; } = Math.Sqrt(k);

        // Exact rounding of the stored bias sum, plus m(k+1) subnormal steps for underflow.
        private double Fixed { get; } = (UnitRoundoff * Math.Abs(biasSum)) + ((double)m * (k + 1.0) * SmallestSubnormal);

        /// <summary>The test of the class remarks on one vector of columns; false for NaN.</summary>
        public bool Passes(Vector<double> expected, Vector<double> q, Vector<double> g, Vector<double> w, Vector<double> actual, Vector<double> squares)
        {
            var rootG = Vector.SquareRoot(g);
            var flatness = Vector.ConditionalSelect(
                Vector.Equals(g, Vector<double>.Zero),
                new Vector<double>(SqrtK),
                Vector.Abs(expected - new Vector<double>(BiasSum)) / rootG);
            var lambda = Vector.Max(new Vector<double>(RandomLambda), new Vector<double>(CoherentLambda * rowAlignment) * flatness);
            var partials = q + (new Vector<double>((double)K) * squares) + w;
            var rounding = (lambda * Vector.SquareRoot(partials)) + (new Vector<double>(SqrtK) * rootG);
            // Capped so an infinite element (which makes S infinite) still fails.
            var tolerance = Vector.Min((new Vector<double>(UnitRoundoff) * rounding) + new Vector<double>(Fixed), new Vector<double>(double.MaxValue));
            return Vector.LessThanOrEqualAll(Vector.Abs(actual - expected), tolerance);
        }

        /// <summary>The scalar form of the test above, with the same operations.</summary>
        public bool Passes(double expected, double q, double g, double w, double actual, double squares)
        {
            double rootG = Math.Sqrt(g);
            double flatness = g == 0 ? SqrtK : Math.Abs(expected - BiasSum) / rootG;
            double lambda = Math.Max(RandomLambda, CoherentLambda * rowAlignment * flatness);
            double rounding = (lambda * Math.Sqrt(q + (K * squares) + w)) + (SqrtK * rootG);
            double tolerance = Math.Min((UnitRoundoff * rounding) + Fixed, double.MaxValue);
            return Math.Abs(actual - expected) <= tolerance;
        }
    }
}
