using FlightSw.Inference.Kernels;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Execution;

/// <summary>
/// A fully connected layer (Gemm or MatMul with constant weights): Y (rows x N) = X (rows x K)
/// times the weights, computed as Y^T = W (N x K) times X^T so the packed weights are the GEMM's
/// left operand, as in a convolution. For one row X^T is X itself; otherwise X is transposed into
/// scratch, and Y^T back. A Gemm C operand that is not one bias per output is added afterwards.
/// </summary>
internal sealed class DenseStep(string name, string opType, ValueSlot input, ValueSlot output, PackedMatrix matrix, int rows, bool inputTransposed, ValueSlot? addend, TensorShape? addendShape, TensorShape outputShape, Activation activation)
    : Step(name, opType, output)
{
    private int N => matrix.M;

    private int K => matrix.K;

    private bool NeedsInputTranspose => rows > 1 && !inputTransposed;

    private bool NeedsOutputTranspose => rows > 1;

    private int InputTransposeLength => NeedsInputTranspose ? K * rows : 0;

    private int OutputTransposeLength => NeedsOutputTranspose ? N * rows : 0;

    public override int ScratchLength => InputTransposeLength + OutputTransposeLength + Gemm.ScratchSize(K, rows) + Abft.ScratchSize(rows);

    public override bool HasAccumulator => true;

    public override bool IsCheckable => true;

    public override bool Run(Replica replica, bool check)
    {
        var weights = replica.WeightSpan;
        var scratch = replica.Scratch.AsSpan();
        var xt = scratch[..InputTransposeLength];
        var yt = scratch.Slice(InputTransposeLength, OutputTransposeLength);
        int used = InputTransposeLength + OutputTransposeLength;
        var gemmScratch = scratch.Slice(used, Gemm.ScratchSize(K, rows));
        var abftScratch = scratch.Slice(used + gemmScratch.Length, Abft.ScratchSize(rows));
        var x = replica.Read(input);
        var y = replica.Write(Output);

        ReadOnlySpan<float> b = x;
        if (NeedsInputTranspose)
        {
            Transpose(x, rows, K, xt);
            b = xt;
        }

        var c = NeedsOutputTranspose ? yt : y;
        Gemm.Multiply(matrix.Packed(weights), N, K, b, rows, rows, c, rows, matrix.Bias(weights), gemmScratch);
        HitInOutputLayout(replica, c);
        if (check && Abft.FindCorruptColumn(matrix.Sums(weights), matrix.BiasSum(weights), b, rows, K, rows, c, rows, N, abftScratch) >= 0)
        {
            return false;
        }

        if (NeedsOutputTranspose)
        {
            Transpose(yt, N, rows, y);
        }

        if (addend is { } extra)
        {
            // In place: the output is the full-size operand, read at each position before it is written.
            Broadcast.Binary(BinaryOp.Add, y, outputShape, replica.Read(extra), addendShape!, y, outputShape);
        }

        activation.Apply(y, y);
        return true;
    }

    private static void Transpose(ReadOnlySpan<float> source, int sourceRows, int sourceColumns, Span<float> target)
    {
        unchecked
        {
            for (int r = 0; r < sourceRows; r++)
            {
                for (int col = 0; col < sourceColumns; col++)
                {
                    target[col * sourceRows + r] = source[r * sourceColumns + col];
                }
            }
        }
    }

    // Fault elements are numbered in the output's layout (row-major rows x N); the raw result is N x rows.
    private void HitInOutputLayout(Replica replica, Span<float> c)
    {
        if (!replica.HasArmedFaults)
        {
            return;
        }

        if (rows == 1)
        {
            replica.HitAccumulator(this, c, 0);
            return;
        }

        Span<float> one = stackalloc float[1];
        for (int element = 0; element < rows * N; element++)
        {
            int index = (element % N) * rows + element / N;
            one[0] = c[index];
            replica.HitAccumulator(this, one, element);
            c[index] = one[0];
            if (!replica.HasArmedFaults)
            {
                return;
            }
        }
    }
}
