using System.Runtime.CompilerServices;
using FlightSw.Inference.Kernels;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Execution;

/// <summary>An activation with its parameters (Clip's bounds, HardSigmoid's alpha and beta).</summary>
internal readonly record struct Activation(ActivationKind Kind, float A = 0, float B = 0)
{
    public static Activation None => default;

    /// <summary>The activation node <paramref name="node"/> computes, or null when it is not an activation.</summary>
    public static Activation? Of(GraphNode node) => node.OpType switch
    {
        "Relu" => new Activation(ActivationKind.Relu),
        "Clip" => new Activation(ActivationKind.Clip, node.Attributes.GetFloat("min", float.MinValue), node.Attributes.GetFloat("max", float.MaxValue)),
        "Sigmoid" => new Activation(ActivationKind.Sigmoid),
        "HardSigmoid" => new Activation(ActivationKind.HardSigmoid, node.Attributes.GetFloat("alpha", 0.2f), node.Attributes.GetFloat("beta", 0.5f)),
        "HardSwish" => new Activation(ActivationKind.HardSwish),
        _ => null,
    };

    /// <summary>Applies the activation from <paramref name="x"/> to <paramref name="y"/> (they may be the same span).</summary>
    public void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        switch (Kind)
        {
            case ActivationKind.Relu: Activations.Relu(x, y); break;
            case ActivationKind.Clip: Activations.Clip(x, A, B, y); break;
            case ActivationKind.Sigmoid: Activations.Sigmoid(x, y); break;
            case ActivationKind.HardSigmoid: Activations.HardSigmoid(x, A, B, y); break;
            case ActivationKind.HardSwish: Activations.HardSwish(x, y); break;
            default:
                if (!Unsafe.AreSame(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x), ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y)))
                {
                    x.CopyTo(y);
                }

                break;
        }
    }
}
