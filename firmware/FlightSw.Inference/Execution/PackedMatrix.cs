namespace FlightSw.Inference.Execution;

/// <summary>
/// A weight matrix W (M x K) stored in the weight image packed for <see cref="Kernels.Gemm"/>,
/// with its bias (M floats) and its ABFT column sums (K floats) followed by the bias sum.
/// </summary>
internal readonly record struct PackedMatrix(int M, int K, int PackedOffset, int PackedLength, int BiasOffset, int SumsOffset)
{
    public ReadOnlySpan<float> Packed(ReadOnlySpan<float> weights) => weights.Slice(PackedOffset, PackedLength);

    public ReadOnlySpan<float> Bias(ReadOnlySpan<float> weights) => weights.Slice(BiasOffset, M);

    public ReadOnlySpan<float> Sums(ReadOnlySpan<float> weights) => weights.Slice(SumsOffset, K);

    public float BiasSum(ReadOnlySpan<float> weights) => weights[SumsOffset + K];

    /// <summary>Packs row-major <paramref name="w"/> (M x K) and <paramref name="bias"/> into <paramref name="image"/>.</summary>
    public static PackedMatrix Add(WeightImageBuilder image, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, int m, int k)
    {
        int packedLength = Kernels.Gemm.PackedSize(m, k);
        int packedOffset = image.Reserve(packedLength);
        Kernels.Gemm.PackA(w, m, k, k, transposed: false, image.Slice(packedOffset, packedLength));
        int biasOffset = image.Add(bias);
        int sumsOffset = image.Reserve(k + 1);
        var sums = image.Slice(sumsOffset, k + 1);
        Kernels.Abft.ColumnSums(w, m, k, k, transposed: false, sums[..k]);
        double biasSum = 0;
        foreach (float b in bias)
        {
            biasSum += b;
        }

        sums[k] = (float)biasSum;
        return new PackedMatrix(m, k, packedOffset, packedLength, biasOffset, sumsOffset);
    }
}
