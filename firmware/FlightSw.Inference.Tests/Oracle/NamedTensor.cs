namespace FlightSw.Inference.Tests.Oracle;

/// <summary>A float tensor by name: a model input given to both engines, or an output one of them returned.</summary>
public sealed record NamedTensor(string Name, float[] Values, int[] Shape)
{
    public override string ToString() => $"{Name} [{string.Join(", ", Shape)}]";
}
