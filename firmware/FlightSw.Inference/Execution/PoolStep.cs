using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Execution;

/// <summary>MaxPool, AveragePool or GlobalAveragePool over N x C planes.</summary>
internal sealed class PoolStep(string name, string opType, ValueSlot input, ValueSlot output, int planes, int height, int width, ConvGeometry geometry, bool countIncludePad)
    : Step(name, opType, output)
{
    public override bool Run(Replica replica, bool check)
    {
        var x = replica.Read(input);
        var y = replica.Write(Output);
        switch (OpType)
        {
            case "MaxPool":
                Pooling.Max(x, planes, height, width, geometry, y);
                break;
            case "AveragePool":
                Pooling.Average(x, planes, height, width, geometry, countIncludePad, y);
                break;
            default:
                Pooling.GlobalAverage(x, planes, height * width, y);
                break;
        }

        return true;
    }
}
