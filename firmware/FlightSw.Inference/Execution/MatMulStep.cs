using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Execution;

/// <summary>
/// MatMul of two tensors computed at run time ([batch..., M, K] x [batch..., K, N], equal batch
/// dimensions): the left operand is packed into scratch on every run.
/// </summary>
internal sealed class MatMulStep(string name, ValueSlot a, ValueSlot b, ValueSlot output, int batches, int m, int k, int n)
    : Step(name, "MatMul", output)
{
    public override int ScratchLength => Gemm.PackedSize(m, k) + Gemm.ScratchSize(k, n);

    public override bool HasAccumulator => true;

    public override bool Run(Replica replica, bool check)
    {
        var scratch = replica.Scratch.AsSpan();
        var packed = scratch[..Gemm.PackedSize(m, k)];
        var gemmScratch = scratch.Slice(packed.Length, Gemm.ScratchSize(k, n));
        var left = replica.Read(a);
        var right = replica.Read(b);
        var y = replica.Write(Output);
        for (int batch = 0; batch < batches; batch++)
        {
            Gemm.PackA(left.Slice(batch * m * k, m * k), m, k, k, transposed: false, packed);
            var block = y.Slice(batch * m * n, m * n);
            Gemm.Multiply(packed, m, k, right.Slice(batch * k * n, k * n), n, n, block, n, [], gemmScratch);
            replica.HitAccumulator(this, block, batch * m * n);
        }

        return true;
    }
}
