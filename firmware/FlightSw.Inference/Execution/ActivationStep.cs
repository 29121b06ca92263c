namespace FlightSw.Inference.Execution;

/// <summary>A standalone activation (one that could not be fused into the layer before it).</summary>
internal sealed class ActivationStep(string name, string opType, ValueSlot input, ValueSlot output, Activation activation)
    : Step(name, opType, output)
{
    public override bool Run(Replica replica, bool check)
    {
        activation.Apply(replica.Read(input), replica.Write(Output));
        return true;
    }
}
