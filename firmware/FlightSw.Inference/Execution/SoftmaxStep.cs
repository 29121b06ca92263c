namespace FlightSw.Inference.Execution;

/// <summary>Softmax along one axis, the input seen as [outer, axis, inner].</summary>
internal sealed class SoftmaxStep(string name, ValueSlot input, ValueSlot output, int outer, int axis, int inner)
    : Step(name, "Softmax", output)
{
    public override bool Run(Replica replica, bool check)
    {
        Kernels.Softmax.Run(replica.Read(input), outer, axis, inner, replica.Write(Output));
        return true;
    }
}
