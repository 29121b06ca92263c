using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class AbftTests
{
    public enum Data
    {
        Normal,
        ReluInputs,
        OffsetInputs,
        HugeScale,
        TinyScale,
        HeavyTailedInputs,
        LargeBias,
        MixedRowScales,
        Constant,
        ConstantWeightsBinaryInputs,
        ZeroSumColumns,
        AntisymmetricRowPairs,
    }

    [Test]
    public void FindCorruptColumn_ThousandsOfCorrectProducts_ReportsNothing([Values] Data data)
    {
        var random = new Random(100 + (int)data);
        for (int trial = 0; trial < 300; trial++)
        {
            int m = random.Next(1, 65), k = random.Next(1, 301), n = random.Next(1, 41);
            var problem = Problem.Create(data, m, k, n, random);

            Assert.That(problem.FindCorruptColumn(problem.C), Is.EqualTo(-1), $"{data} trial {trial}: m={m} k={k} n={n}");
        }
    }

    [TestCase(1280, 2304, 8)]
    [TestCase(1000, 1280, 1)]
    [TestCase(16, 2304, 64)]
    [TestCase(2, 1280, 64)]
    [TestCase(1280, 320, 49)]
    [TestCase(256, 27, 300)]
    public void FindCorruptColumn_LargeCorrectProducts_ReportsNothing(int m, int k, int n)
    {
        var random = new Random(m + k + n);
        foreach (var data in Enum.GetValues<Data>())
        {
            var problem = Problem.Create(data, m, k, n, random);

            Assert.That(problem.FindCorruptColumn(problem.C), Is.EqualTo(-1), data.ToString());
        }
    }

    [Test]
    public void FindCorruptColumn_SumsWithoutNorms_RandomData_ReportsNothing()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 500; trial++)
        {
            int m = random.Next(1, 65), k = random.Next(1, 301), n = random.Next(1, 41);
            var problem = Problem.Create((Data)(trial % 8), m, k, n, random, norms: false);

            Assert.That(problem.FindCorruptColumn(problem.C), Is.EqualTo(-1), $"trial {trial}");
        }
    }

    // MobileNet-sized layers: pointwise (k = input channels) and 3x3 im2col (k = 9 x channels).
    [TestCase(16, 16, 200)]
    [TestCase(32, 27, 200)]
    [TestCase(64, 144, 100)]
    [TestCase(128, 288, 64)]
    [TestCase(256, 256, 40)]
    [TestCase(1280, 320, 16)]
    [TestCase(96, 576, 64)]
    public void FindCorruptColumn_ExponentSignOrTopMantissaBitFlipped_FindsColumn(int m, int k, int n)
    {
        var random = new Random(m * k);
        var problem = Problem.Create(Data.Normal, m, k, n, random);
        int checkedElements = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            var (i, j) = problem.ElementAtLeast(random, 1e-3);
            bool typical = Math.Abs(problem.C[(i * n) + j]) >= problem.ColumnAbsSum(j) / m;
            int mantissaBits = typical ? 9 : 7;
            for (int bit = 31; bit >= 23 - mantissaBits; bit--)
            {
                Assert.That(problem.FindCorruptColumn(problem.Flip(i, j, bit)), Is.EqualTo(j), $"bit {bit} of ({i}, {j}), typical {typical}");
            }

            checkedElements++;
        }

        Assert.That(checkedElements, Is.EqualTo(40));
    }

    [TestCase(1280, 2304, 8)]
    [TestCase(16, 2304, 32)]
    [TestCase(1000, 1280, 1)]
    public void FindCorruptColumn_DeepProductBitFlipped_FindsColumn(int m, int k, int n)
    {
        // The rounding noise grows as sqrt(k): for k in the thousands the top 5 mantissa bits of
        // an element at least the column's mean magnitude stay detectable, exponent and sign always.
        var random = new Random(m + k);
        var problem = Problem.Create(Data.Normal, m, k, n, random);
        for (int trial = 0; trial < 20; trial++)
        {
            var (i, j) = problem.ElementAtLeast(random, 1.0 / m);
            for (int bit = 31; bit >= 18; bit--)
            {
                Assert.That(problem.FindCorruptColumn(problem.Flip(i, j, bit)), Is.EqualTo(j), $"bit {bit} of ({i}, {j})");
            }
        }
    }

    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    [TestCase(float.NegativeInfinity)]
    public void FindCorruptColumn_NonFiniteElement_FindsColumn(float value)
    {
        var problem = Problem.Create(Data.Normal, 20, 30, 37, new Random(8));
        foreach (int j in new[] { 0, 17, 33, 36 })
        {
            var c = (float[])problem.C.Clone();
            c[(5 * 37) + j] = value;

            Assert.That(problem.FindCorruptColumn(c), Is.EqualTo(j));
        }
    }

    [Test]
    public void FindCorruptColumn_TwoCorruptColumns_ReturnsFirst()
    {
        var problem = Problem.Create(Data.Normal, 20, 30, 50, new Random(9));
        var c = (float[])problem.C.Clone();
        c[(3 * 50) + 41] += 1f;
        c[(7 * 50) + 22] -= 1f;

        Assert.That(problem.FindCorruptColumn(c), Is.EqualTo(22));
    }

    [Test]
    public void FindCorruptColumn_LeadingDimensionsWiderThanN_ChecksOnlyTheMatrix()
    {
        const int M = 12, K = 40, N = 21, Ld = N + 5;
        var problem = Problem.Create(Data.Normal, M, K, N, new Random(10));
        var b = new float[(K * Ld) - 5];
        var c = new float[(M * Ld) - 5];
        Array.Fill(b, float.NaN);
        Array.Fill(c, float.NaN);
        for (int p = 0; p < K; p++)
        {
            Array.Copy(problem.B, p * N, b, p * Ld, N);
        }

        for (int i = 0; i < M; i++)
        {
            Array.Copy(problem.C, i * N, c, i * Ld, N);
        }

        Assert.That(Abft.FindCorruptColumn(problem.Sums, problem.BiasSum, b, Ld, K, N, c, Ld, M, []), Is.EqualTo(-1));
        c[(4 * Ld) + 19] *= 1.5f;
        Assert.That(Abft.FindCorruptColumn(problem.Sums, problem.BiasSum, b, Ld, K, N, c, Ld, M, []), Is.EqualTo(19));
    }

    [Test]
    public void ColumnSums_Transposed_SameAsRowMajor()
    {
        const int M = 9, K = 14;
        var a = GemmTests.Normal(new Random(11), M * K);
        var transposed = new float[M * K];
        for (int i = 0; i < M; i++)
        {
            for (int p = 0; p < K; p++)
            {
                transposed[(p * M) + i] = a[(i * K) + p];
            }
        }

        var rowMajor = new float[Abft.SumsLength(K)];
        var columnMajor = new float[Abft.SumsLength(K)];
        Abft.ColumnSums(a, M, K, K, transposed: false, rowMajor);
        Abft.ColumnSums(transposed, M, K, M, transposed: true, columnMajor);

        Assert.Multiple(() =>
        {
            Assert.That(columnMajor, Is.EqualTo(rowMajor).AsCollection);
            Assert.That(rowMajor[3], Is.EqualTo(Enumerable.Range(0, M).Sum(i => (double)a[(i * K) + 3])).Within(1e-5));
            Assert.That(rowMajor[K + 3], Is.EqualTo(Math.Sqrt(Enumerable.Range(0, M).Sum(i => (double)a[(i * K) + 3] * a[(i * K) + 3]))).Within(1e-5));
        });
    }

    /// <summary>A product C = A·B + bias from <see cref="Gemm"/> with its checksums.</summary>
    private sealed class Problem
    {
        private Problem(int m, int k, int n, float[] b, float[] c, float[] sums, float biasSum)
        {
            (M, K, N, B, C, Sums, BiasSum) = (m, k, n, b, c, sums, biasSum);
        }

        public int M { get; }

        public int K { get; }

        public int N { get; }

        public float[] B { get; }

        public float[] C { get; }

        public float[] Sums { get; }

        public float BiasSum { get; }

        public static Problem Create(Data data, int m, int k, int n, Random random, bool norms = true)
        {
            var a = GemmTests.Normal(random, m * k);
            var b = GemmTests.Normal(random, k * n);
            var bias = GemmTests.Normal(random, m);
            Shape(data, a, b, bias, m, k, random);
            var c = GemmTests.Multiply(a, m, k, b, n, bias);
            var sums = new float[norms ? Abft.SumsLength(k) : k];
            Abft.ColumnSums(a, m, k, k, transposed: false, sums);
            return new Problem(m, k, n, b, c, sums, Abft.BiasSum(bias));
        }

        public int FindCorruptColumn(float[] c) => Abft.FindCorruptColumn(Sums, BiasSum, B, N, K, N, c, N, M, new float[Abft.ScratchSize(N)]);

        public double ColumnAbsSum(int j) => Enumerable.Range(0, M).Sum(i => Math.Abs((double)C[(i * N) + j]));

        /// <summary>A random element whose magnitude is at least <paramref name="fraction"/> of its column's absolute sum.</summary>
        public (int Row, int Column) ElementAtLeast(Random random, double fraction)
        {
            for (int attempt = 0; attempt < 100_000; attempt++)
            {
                int i = random.Next(M), j = random.Next(N);
                if (C[(i * N) + j] != 0 && Math.Abs(C[(i * N) + j]) >= fraction * ColumnAbsSum(j))
                {
                    return (i, j);
                }
            }

            throw new InvalidOperationException($"No element reaches {fraction} of its column.");
        }

        public float[] Flip(int i, int j, int bit)
        {
            var c = (float[])C.Clone();
            c[(i * N) + j] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(c[(i * N) + j]) ^ (1 << bit));
            return c;
        }

        private static void Shape(Data data, float[] a, float[] b, float[] bias, int m, int k, Random random)
        {
            switch (data)
            {
                case Data.ReluInputs:
                    Map(b, v => Math.Max(0f, v));
                    break;
                case Data.OffsetInputs:
                    Map(b, v => v + 100f);
                    break;
                case Data.HugeScale:
                    Map(a, v => v * 1e12f);
                    Map(b, v => v * 1e8f);
                    Map(bias, v => v * 1e20f);
                    break;
                case Data.TinyScale:
                    Map(a, v => v * 1e-20f);
                    Map(b, v => v * 1e-15f);
                    Map(bias, v => v * 1e-35f);
                    break;
                case Data.HeavyTailedInputs:
                    Map(b, v => Math.Clamp(v / ((float)random.NextDouble() + 1e-3f), -1e6f, 1e6f));
                    break;
                case Data.LargeBias:
                    Map(bias, v => v * 1000f);
                    break;
                case Data.MixedRowScales:
                    for (int i = 0; i < m; i++)
                    {
                        float scale = MathF.Pow(10f, random.Next(-3, 4));
                        for (int p = 0; p < k; p++)
                        {
                            a[(i * k) + p] *= scale;
                        }
                    }

                    break;
                case Data.Constant:
                    Array.Fill(a, (float)random.NextDouble());
                    Array.Fill(b, (float)random.NextDouble());
                    Array.Fill(bias, (float)random.NextDouble());
                    break;
                case Data.ConstantWeightsBinaryInputs:
                    Array.Fill(a, (float)random.NextDouble());
                    float one = (float)random.NextDouble();
                    Map(b, _ => random.Next(2) * one);
                    break;
                case Data.ZeroSumColumns:
                    for (int p = 0; p < k; p++)
                    {
                        double mean = Enumerable.Range(0, m).Average(i => a[(i * k) + p]);
                        for (int i = 0; i < m; i++)
                        {
                            a[(i * k) + p] -= (float)mean;
                        }
                    }

                    break;
                case Data.AntisymmetricRowPairs:
                    // A two-class head trained with weight decay: w2 ~ -w1, outputs near the boundary.
                    for (int i = 1; i < m; i += 2)
                    {
                        for (int p = 0; p < k; p++)
                        {
                            a[(i * k) + p] = -a[((i - 1) * k) + p] * (1f + (1e-3f * (float)(random.NextDouble() - 0.5)));
                        }

                        bias[i] = -bias[i - 1];
                    }

                    break;
                default:
                    break;
            }
        }

        private static void Map(float[] values, Func<float, float> map)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = map(values[i]);
            }
        }
    }
}
