using FlightSw.Inference.Kernels;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Execution;

/// <summary>Data movement at run time: Transpose, Slice or Gather of a float tensor.</summary>
internal sealed class LayoutStep(string name, string opType, ValueSlot input, TensorShape inputShape, ValueSlot output, TensorShape outputShape, int[] parameters, int[] steps, int axis, TensorShape? indicesShape)
    : Step(name, opType, output)
{
    public override bool Run(Replica replica, bool check)
    {
        var x = replica.Read(input);
        var y = replica.Write(Output);
        switch (OpType)
        {
            case "Transpose":
                Layout.Transpose(x, inputShape, parameters, y);
                break;
            case "Slice":
                Layout.Slice(x, inputShape, parameters, steps, outputShape, y);
                break;
            default:
                Layout.Gather(x, inputShape, axis, parameters, indicesShape!, y);
                break;
        }

        return true;
    }
}
