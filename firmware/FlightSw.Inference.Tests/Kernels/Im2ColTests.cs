using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class Im2ColTests
{
    // channels, height, width, kernel h/w, stride h/w, pads t/l/b/r, dilation h/w
    private static readonly int[][] Geometries =
    [
        [3, 8, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1],
        [2, 7, 9, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1],
        [1, 5, 5, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1],
        [4, 10, 6, 5, 3, 1, 2, 2, 1, 2, 1, 1, 1],
        [2, 9, 11, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2],
        [1, 4, 4, 3, 3, 3, 3, 0, 0, 2, 2, 1, 1],
        [3, 6, 13, 2, 4, 2, 3, 0, 3, 1, 0, 1, 2],
        [1, 1, 17, 1, 3, 1, 1, 0, 1, 0, 1, 1, 1],
        [2, 3, 3, 5, 5, 1, 1, 3, 3, 3, 3, 1, 1],
    ];

    public static IEnumerable<TestCaseData> GeometryCases => Geometries.Select(g => new TestCaseData(g));

    [TestCaseSource(nameof(GeometryCases))]
    public void Expand_Geometry_MatchesNaive(int[] spec)
    {
        var (channels, height, width, g) = Geometry(spec);
        var input = Enumerable.Range(0, channels * height * width).Select(i => i + 1f).ToArray();
        int pixels = g.OutH * g.OutW;
        var col = new float[channels * g.KernelH * g.KernelW * pixels];
        Array.Fill(col, float.NaN);

        Im2Col.Expand(input, channels, height, width, g, col);

        var expected = new float[col.Length];
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < g.KernelH; y++)
            {
                for (int x = 0; x < g.KernelW; x++)
                {
                    for (int oy = 0; oy < g.OutH; oy++)
                    {
                        for (int ox = 0; ox < g.OutW; ox++)
                        {
                            int iy = (oy * g.StrideH) - g.PadTop + (y * g.DilationH);
                            int ix = (ox * g.StrideW) - g.PadLeft + (x * g.DilationW);
                            bool inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
                            int row = (c * g.KernelH * g.KernelW) + (y * g.KernelW) + x;
                            expected[(row * pixels) + (oy * g.OutW) + ox] = inside ? input[(((c * height) + iy) * width) + ix] : 0f;
                        }
                    }
                }
            }
        }

        Assert.That(col, Is.EqualTo(expected).AsCollection);
    }

    [Test]
    public void Expand_ColumnTooShort_Throws()
    {
        var g = new ConvGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => Im2Col.Expand(new float[16], 1, 4, 4, g, new float[(9 * 16) - 1]));
    }

    [TestCase(224, 3, 2, 1, 1, 1, false, ExpectedResult = 112)]
    [TestCase(112, 3, 1, 1, 1, 1, false, ExpectedResult = 112)]
    [TestCase(7, 7, 1, 0, 0, 1, false, ExpectedResult = 1)]
    [TestCase(5, 2, 2, 0, 0, 1, false, ExpectedResult = 2)]
    [TestCase(5, 2, 2, 0, 0, 1, true, ExpectedResult = 3)]
    [TestCase(9, 3, 1, 2, 2, 2, false, ExpectedResult = 9)]
    [TestCase(2, 5, 1, 0, 0, 1, false, ExpectedResult = 0)]
    public int OutputSize_OnnxFormula_Expected(int input, int kernel, int stride, int padBegin, int padEnd, int dilation, bool ceilMode) =>
        ConvGeometry.OutputSize(input, kernel, stride, padBegin, padEnd, dilation, ceilMode);

    [Test]
    public void OutputSize_CeilWindowStartingInTrailingPad_Dropped()
    {
        // span = 3 + 1 - 1 = 3: ceil(3/2) + 1 = 3 windows, but the third would start at 4, in the padding.
        Assert.That(ConvGeometry.OutputSize(3, 1, 2, 0, 1, 1, ceilMode: true), Is.EqualTo(2));
    }

    internal static (int Channels, int Height, int Width, ConvGeometry G) Geometry(int[] s)
    {
        int outH = ConvGeometry.OutputSize(s[1], s[3], s[5], s[7], s[9], s[11], ceilMode: false);
        int outW = ConvGeometry.OutputSize(s[2], s[4], s[6], s[8], s[10], s[12], ceilMode: false);
        return (s[0], s[1], s[2], new ConvGeometry(s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], outH, outW));
    }
}
