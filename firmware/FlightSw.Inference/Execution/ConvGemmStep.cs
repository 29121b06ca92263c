using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Execution;

/// <summary>
/// A convolution run as GEMM per batch item and group: output (M x P) = W (M x K) times the
/// input's im2col matrix (K x P), or the input itself for a 1x1, stride 1, unpadded kernel. Batch
/// normalisation is folded into W and the bias at load; the activation is applied after the
/// check. The ABFT check compares each output column's sum with the weights' column sums times
/// the column of the im2col matrix.
/// </summary>
internal sealed class ConvGemmStep(string name, ValueSlot input, ValueSlot output, PackedMatrix[] groups, int batches, int channels, int height, int width, ConvGeometry geometry, bool pointwise, Activation activation)
    : Step(name, "Conv", output)
{
    private int P => geometry.OutH * geometry.OutW;

    private int K => groups[0].K;

    private int ColumnLength => pointwise ? 0 : K * P;

    public override int ScratchLength => ColumnLength + Gemm.ScratchSize(K, P) + Abft.ScratchSize(P);

    public override bool HasAccumulator => true;

    public override bool IsCheckable => true;

    public override bool Run(Replica replica, bool check)
    {
        var weights = replica.WeightSpan;
        var scratch = replica.Scratch.AsSpan();
        var col = scratch[..ColumnLength];
        var gemmScratch = scratch.Slice(ColumnLength, Gemm.ScratchSize(K, P));
        var abftScratch = scratch.Slice(ColumnLength + gemmScratch.Length, Abft.ScratchSize(P));
        var x = replica.Read(input);
        var y = replica.Write(Output);
        int channelsPerGroup = channels / groups.Length;
        int inStride = channels * height * width;
        int outStride = Output.Length / batches;
        for (int b = 0; b < batches; b++)
        {
            for (int g = 0; g < groups.Length; g++)
            {
                var matrix = groups[g];
                var xg = x.Slice(b * inStride + g * channelsPerGroup * height * width, channelsPerGroup * height * width);
                ReadOnlySpan<float> columns = xg;
                if (!pointwise)
                {
                    Im2Col.Expand(xg, channelsPerGroup, height, width, geometry, col);
                    columns = col;
                }

                int blockStart = b * outStride + g * matrix.M * P;
                var yg = y.Slice(blockStart, matrix.M * P);
                Gemm.Multiply(matrix.Packed(weights), matrix.M, matrix.K, columns, P, P, yg, P, matrix.Bias(weights), gemmScratch);
                replica.HitAccumulator(this, yg, blockStart);
                if (check && Abft.FindCorruptColumn(matrix.Sums(weights), matrix.BiasSum(weights), columns, P, matrix.K, P, yg, P, matrix.M, abftScratch) >= 0)
                {
                    return false;
                }
            }
        }

        activation.Apply(y, y);
        return true;
    }
}
