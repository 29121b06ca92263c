namespace FlightSw.Inference.Execution;

/// <summary>
/// A weight matrix W (M x K) stored in the weight image packed for <see cref="Kernels.Gemm"/>,
/// with its bias (M floats) and its ABFT checksums (<see cref="Kernels.Abft.SumsLength"/>(K) floats:
/// column sums, then column norms that bound the rounding) followed by the bias sum.
/// </summary>
internal readonly record struct PackedMatrix(int M, int K, int PackedOffset, int PackedLength, int BiasOffset, int SumsOffset)
{
    public ReadOnlySpan<float> Packed(ReadOnlySpan<float> weights) => weights.Slice(PackedOffset, PackedLength);

    public ReadOnlySpan<float> Bias(ReadOnlySpan<float> weights) => weights.Slice(BiasOffset, M);

    public ReadOnlySpan<float> Sums(ReadOnlySpan<float> weights) => weights.Slice(SumsOffset, Kernels.Abft.SumsLength(K));

    public float BiasSum(ReadOnlySpan<float> weights) => weights[SumsOffset + Kernels.Abft.SumsLength(K)];

    /// <summary>Packs row-major <paramref name="w"/> (M x K) and <paramref name="bias"/> into <paramref name="image"/>.</summary>
    public static PackedMatrix Add(WeightImageBuilder image, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, int m, int k)
    {
        int packedLength = Kernels.Gemm.PackedSize(m, k);
        int packedOffset = image.Reserve(packedLength);
        Kernels.Gemm.PackA(w, m, k, k, transposed: false, image.Slice(packedOffset, packedLength));
        int biasOffset = image.Add(bias);
        int sumsLength = Kernels.Abft.SumsLength(k);
        int sumsOffset = image.Reserve(sumsLength + 1);
        var sums = image.Slice(sumsOffset, sumsLength + 1);
        Kernels.Abft.ColumnSums(w, m, k, k, transposed: false, sums[..sumsLength]);
        sums[sumsLength] = Kernels.Abft.BiasSum(bias);
        return new PackedMatrix(m, k, packedOffset, packedLength, biasOffset, sumsOffset);
    }
}
