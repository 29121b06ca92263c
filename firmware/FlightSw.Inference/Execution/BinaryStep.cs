using FlightSw.Inference.Kernels;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Execution;

/// <summary>Add, Sub, Mul or Div with broadcasting; either operand may be a constant kept among the weights.</summary>
internal sealed class BinaryStep(string name, string opType, BinaryOp op, ValueSlot a, TensorShape aShape, ValueSlot b, TensorShape bShape, ValueSlot output, TensorShape outputShape)
    : Step(name, opType, output)
{
    public override bool Run(Replica replica, bool check)
    {
        Broadcast.Binary(op, replica.Read(a), aShape, replica.Read(b), bShape, replica.Write(Output), outputShape);
        return true;
    }
}
