using FlightSw.Inference.Models;

namespace FlightSw.Inference.Execution;

/// <summary>Concat along one axis; inputs may be constants kept among the weights.</summary>
internal sealed class ConcatStep(string name, ValueSlot[] inputs, TensorShape[] shapes, int axis, ValueSlot output)
    : Step(name, "Concat", output)
{
    public override bool Run(Replica replica, bool check)
    {
        // Each input contributes one contiguous run of dims[axis..] per index of the outer axes.
        var y = replica.Write(Output);
        int outer = shapes[0].Product(0, axis);
        int position = 0;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                int run = shapes[i].Product(axis, shapes[i].Rank);
                replica.Read(inputs[i]).Slice(o * run, run).CopyTo(y.Slice(position, run));
                position += run;
            }
        }

        return true;
    }
}
