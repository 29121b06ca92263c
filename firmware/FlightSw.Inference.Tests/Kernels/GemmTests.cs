using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class GemmTests
{
    // Edges of every tile width (8 rows; 8, 16, 32 columns), of the k split (256) and of the
    // column block (512); 1 and primes.
    private static readonly (int M, int K, int N)[] Shapes =
    [
        (1, 1, 1), (1, 1, 2), (8, 8, 32), (7, 3, 5), (9, 17, 33), (13, 27, 49), (16, 16, 256), (17, 31, 47),
        (24, 144, 63), (3, 256, 17), (5, 257, 31), (8, 288, 16), (31, 513, 65), (2, 2, 513), (33, 37, 1031),
        (64, 64, 196), (1, 300, 40), (40, 1, 40), (11, 600, 7), (97, 13, 1), (1000, 1280, 1), (23, 255, 1),
        (8, 16, 8), (8, 16, 4), (8, 16, 24), (8, 16, 12), (67, 5, 97),
    ];

    public static IEnumerable<TestCaseData> ShapeCases => Shapes.Select(s => new TestCaseData(s.M, s.K, s.N));

    [TestCaseSource(nameof(ShapeCases))]
    public void Multiply_Shape_BitIdenticalToSequentialFmaChain(int m, int k, int n)
    {
        var (a, b, bias) = RandomProblem(m, k, n, seed: (m * 31) + (k * 7) + n);

        var c = Multiply(a, m, k, b, n, bias);

        Assert.That(c, Is.EqualTo(FmaChain(a, m, k, b, n, n, bias)).AsCollection);
    }

    [TestCaseSource(nameof(ShapeCases))]
    public void Multiply_Shape_WithinRoundingOfDoubleReference(int m, int k, int n)
    {
        var (a, b, bias) = RandomProblem(m, k, n, seed: m + k + n);

        var c = Multiply(a, m, k, b, n, bias);

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double exact = bias[i], magnitude = Math.Abs(bias[i]);
                for (int p = 0; p < k; p++)
                {
                    exact += (double)a[(i * k) + p] * b[(p * n) + j];
                    magnitude += Math.Abs((double)a[(i * k) + p] * b[(p * n) + j]);
                }

                // gamma_(k+1) times the sum of absolute products bounds an FMA chain's error.
                double bound = (k + 1) * Math.Pow(2, -24) * magnitude * 1.01;
                Assert.That(c[(i * n) + j], Is.EqualTo(exact).Within(bound), $"element ({i}, {j})");
            }
        }
    }

    [TestCaseSource(nameof(ShapeCases))]
    public void MultiplyUsing_EveryTileWidth_SameBits(int m, int k, int n)
    {
        var (a, b, bias) = RandomProblem(m, k, n, seed: m * k * n);
        var packed = Pack(a, m, k);
        var expected = FmaChain(a, m, k, b, n, n, bias);
        var c512 = new float[m * n];
        var c256 = new float[m * n];
        var c128 = new float[m * n];
        var scratch = new float[Gemm.ScratchSize(k, n)];

        Gemm.MultiplyUsing<GemmTile512>(packed, m, k, b, n, n, c512, n, bias, scratch);
        Gemm.MultiplyUsing<GemmTile256>(packed, m, k, b, n, n, c256, n, bias, scratch);
        Gemm.MultiplyUsing<GemmTile128>(packed, m, k, b, n, n, c128, n, bias, scratch);

        Assert.Multiple(() =>
        {
            Assert.That(c512, Is.EqualTo(expected).AsCollection, "512-bit");
            Assert.That(c256, Is.EqualTo(expected).AsCollection, "256-bit");
            Assert.That(c128, Is.EqualTo(expected).AsCollection, "128-bit");
        });
    }

    [TestCase(9, 20, 37)]
    [TestCase(16, 300, 1)]
    public void PackA_Transposed_SameResultAsRowMajor(int m, int k, int n)
    {
        var (a, b, bias) = RandomProblem(m, k, n, seed: 3);
        const int Lda = 5;
        var transposed = new float[(k * (m + Lda)) - Lda];
        for (int i = 0; i < m; i++)
        {
            for (int p = 0; p < k; p++)
            {
                transposed[(p * (m + Lda)) + i] = a[(i * k) + p];
            }
        }

        var packed = new float[Gemm.PackedSize(m, k)];
        Gemm.PackA(transposed, m, k, m + Lda, transposed: true, packed);
        var c = new float[m * n];
        Gemm.Multiply(packed, m, k, b, n, n, c, n, bias, new float[Gemm.ScratchSize(k, n)]);

        Assert.That(c, Is.EqualTo(Multiply(a, m, k, b, n, bias)).AsCollection);
    }

    [TestCase(10, 30, 50)]
    [TestCase(10, 30, 1)]
    public void Multiply_EmptyBias_StartsFromZero(int m, int k, int n)
    {
        var (a, b, _) = RandomProblem(m, k, n, seed: 4);

        var c = Multiply(a, m, k, b, n, []);

        Assert.That(c, Is.EqualTo(FmaChain(a, m, k, b, n, n, new float[m])).AsCollection);
    }

    [TestCase(19, 45, 70)]
    [TestCase(19, 45, 1)]
    public void Multiply_LeadingDimensionsWiderThanN_ReadsAndWritesOnlyTheMatrix(int m, int k, int n)
    {
        const int Extra = 13;
        int ldb = n + Extra, ldc = n + Extra + 2;
        var (a, bDense, bias) = RandomProblem(m, k, n, seed: 5);
        var b = new float[(k * ldb) - Extra];
        Array.Fill(b, float.NaN);
        for (int p = 0; p < k; p++)
        {
            Array.Copy(bDense, p * n, b, p * ldb, n);
        }

        var c = new float[(m * ldc) - (Extra + 2)];
        Array.Fill(c, 1234.5f);

        Gemm.Multiply(Pack(a, m, k), m, k, b, ldb, n, c, ldc, bias, new float[Gemm.ScratchSize(k, n)]);

        var expected = FmaChain(a, m, k, bDense, n, n, bias);
        for (int i = 0; i < m; i++)
        {
            Assert.That(c.AsSpan(i * ldc, n).ToArray(), Is.EqualTo(expected.AsSpan(i * n, n).ToArray()).AsCollection, $"row {i}");
            if (i < m - 1)
            {
                Assert.That(c.AsSpan((i * ldc) + n, ldc - n).ToArray(), Is.All.EqualTo(1234.5f), $"padding after row {i}");
            }
        }
    }

    [Test]
    public void Multiply_CalledTwiceWithDirtyScratch_IdenticalBits()
    {
        const int M = 70, K = 600, N = 530;
        var (a, b, bias) = RandomProblem(M, K, N, seed: 6);
        var packed = Pack(a, M, K);
        var scratch = new float[Gemm.ScratchSize(K, N)];
        var first = new float[M * N];
        var second = new float[M * N];

        Gemm.Multiply(packed, M, K, b, N, N, first, N, bias, scratch);
        Array.Fill(scratch, float.NaN);
        Array.Fill(second, float.NaN);
        Gemm.Multiply(packed, M, K, b, N, N, second, N, bias, scratch);

        Assert.That(second, Is.EqualTo(first).AsCollection);
    }

    [Test]
    public void Multiply_ZeroDepth_WritesBias()
    {
        var c = new float[6];

        Gemm.Multiply([], 2, 0, [], 3, 3, c, 3, [1f, 2f], []);

        Assert.That(c, Is.EqualTo(new[] { 1f, 1f, 1f, 2f, 2f, 2f }).AsCollection);
    }

    [Test]
    public void Multiply_OutputTooShort_Throws()
    {
        var packed = new float[Gemm.PackedSize(4, 4)];

        Assert.Throws<ArgumentException>(() => Gemm.Multiply(packed, 4, 4, new float[16], 4, 4, new float[15], 4, [], new float[Gemm.ScratchSize(4, 4)]));
    }

    [Test]
    public void Multiply_ScratchTooShort_Throws()
    {
        var packed = new float[Gemm.PackedSize(4, 4)];

        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(packed, 4, 4, new float[16], 4, 4, new float[16], 4, [], new float[1]));
    }

    [Test]
    public void PackedSize_PartialPanel_RoundsRowsUpToPanel()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Gemm.PackedSize(9, 10), Is.EqualTo(16 * 10));
            Assert.That(Gemm.PackedSize(8, 10), Is.EqualTo(8 * 10));
            Assert.That(Gemm.ScratchSize(1280, 1), Is.Zero);
            Assert.That(Gemm.ScratchSize(288, 3136), Is.EqualTo(144 * Gemm.ColumnBlock));
        });
    }

    internal static (float[] A, float[] B, float[] Bias) RandomProblem(int m, int k, int n, int seed)
    {
        var random = new Random(seed);
        return (Normal(random, m * k), Normal(random, k * n), Normal(random, m));
    }

    internal static float[] Normal(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return values;
    }

    internal static float[] Pack(float[] a, int m, int k)
    {
        var packed = new float[Gemm.PackedSize(m, k)];
        Gemm.PackA(a, m, k, k, transposed: false, packed);
        return packed;
    }

    internal static float[] Multiply(float[] a, int m, int k, float[] b, int n, float[] bias)
    {
        var c = new float[m * n];
        Gemm.Multiply(Pack(a, m, k), m, k, b, n, n, c, n, bias, new float[Gemm.ScratchSize(k, n)]);
        return c;
    }

    /// <summary>The documented per-element operation sequence: bias, then one FMA per k in order.</summary>
    private static float[] FmaChain(float[] a, int m, int k, float[] b, int ldb, int n, float[] bias)
    {
        var c = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float acc = bias[i];
                for (int p = 0; p < k; p++)
                {
                    acc = MathF.FusedMultiplyAdd(a[(i * k) + p], b[(p * ldb) + j], acc);
                }

                c[(i * n) + j] = acc;
            }
        }

        return c;
    }
}
