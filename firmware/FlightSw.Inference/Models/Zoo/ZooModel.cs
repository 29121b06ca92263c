namespace FlightSw.Inference.Models.Zoo;

/// <summary>
/// A model of the zoo: its ONNX bytes and its one float input and one float output, by name and
/// shape. The same options and seed always give the same bytes.
/// </summary>
/// <param name="Name">The graph's name, which also names the model's weight regions.</param>
/// <param name="Onnx">The serialized ONNX model.</param>
/// <param name="InputName">The graph input's name.</param>
/// <param name="InputShape">The graph input's shape.</param>
/// <param name="OutputName">The graph output's name.</param>
/// <param name="OutputShape">The graph output's shape.</param>
public sealed record ZooModel(string Name, byte[] Onnx, string InputName, IReadOnlyList<int> InputShape, string OutputName, IReadOnlyList<int> OutputShape)
{
    /// <summary>Number of input elements.</summary>
    public int InputLength => InputShape.Aggregate(1, (product, dim) => product * dim);

    /// <summary>Number of output elements.</summary>
    public int OutputLength => OutputShape.Aggregate(1, (product, dim) => product * dim);

    /// <summary>An input drawn from the standard normal distribution with seed <paramref name="seed"/> (the same values on every platform).</summary>
    public float[] RandomInput(int seed) => new ZooRandom(seed).Normal(InputLength, 0, 1);

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{string.Join(", ", InputShape)}] -> [{string.Join(", ", OutputShape)}]";
}
