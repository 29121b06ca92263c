using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Execution;

/// <summary>A standalone BatchNormalization, folded at load into one scale and shift per channel.</summary>
internal sealed class ChannelAffineStep(string name, ValueSlot input, ValueSlot output, int outer, int channels, int inner, int scaleOffset, int shiftOffset)
    : Step(name, "BatchNormalization", output)
{
    public override bool Run(Replica replica, bool check)
    {
        var weights = replica.WeightSpan;
        ChannelAffine.Run(replica.Read(input), outer, channels, inner, weights.Slice(scaleOffset, channels), weights.Slice(shiftOffset, channels), replica.Write(Output));
        return true;
    }
}
