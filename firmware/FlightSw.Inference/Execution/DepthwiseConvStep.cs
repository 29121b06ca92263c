using System.Runtime.InteropServices;
using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Execution;

/// <summary>
/// A depthwise convolution (one filter per channel) with folded batch normalisation and a fused
/// activation. It has no cheap checksum (each output depends on one channel only), so under ABFT
/// its weights' ECC is checked before it runs and it runs twice, compared bit for bit; it is a small share of a depthwise-separable model's
/// arithmetic, so the duplicate costs little.
/// </summary>
internal sealed class DepthwiseConvStep(string name, ValueSlot input, ValueSlot output, int batches, int channels, int height, int width, int weightsOffset, int biasOffset, int kernelLength, ConvGeometry geometry, Activation activation)
    : Step(name, "Conv", output)
{
    public override int ScratchLength => Output.Length;

    public override bool HasAccumulator => true;

    public override bool IsCheckable => true;

    public override bool Run(Replica replica, bool check)
    {
        if (check)
        {
            // Both runs below read the same weights, so they could agree on a corrupted one: let
            // the ECC check this layer's few weight words first.
            int first = weightsOffset / 2;
            int last = (biasOffset + channels + 1) / 2;
            if (!replica.Weights.Scrub(first, last - first).IsClean)
            {
                return false;
            }
        }

        var weights = replica.WeightSpan;
        var w = weights.Slice(weightsOffset, channels * kernelLength);
        var bias = weights.Slice(biasOffset, channels);
        var x = replica.Read(input);
        var y = replica.Write(Output);
        var again = check ? replica.Scratch.AsSpan(0, Output.Length) : default;
        Compute(x, w, bias, y);
        if (check)
        {
            Compute(x, w, bias, again);
        }

        replica.HitAccumulator(this, y, 0);
        if (check && !MemoryMarshal.Cast<float, int>(y).SequenceEqual(MemoryMarshal.Cast<float, int>(again)))
        {
            return false;
        }

        activation.Apply(y, y);
        return true;
    }

    private void Compute(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, Span<float> y)
    {
        int inStride = channels * height * width;
        int outStride = channels * geometry.OutH * geometry.OutW;
        for (int b = 0; b < batches; b++)
        {
            DepthwiseConv.Run(x.Slice(b * inStride, inStride), channels, height, width, w, bias, geometry, y.Slice(b * outStride, outStride));
        }
    }
}
