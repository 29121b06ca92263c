namespace FlightSw.Inference.Models;

/// <summary>A float32 tensor that flows at run time: a graph input, output or intermediate, with its static shape.</summary>
/// <param name="Name">The value's name in the graph.</param>
/// <param name="Shape">Its shape, known at load.</param>
public sealed record GraphValue(string Name, TensorShape Shape)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {Shape}";
}
