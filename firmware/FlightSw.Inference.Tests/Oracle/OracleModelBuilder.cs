using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// Writes a small test model with seeded inputs and weights: a <see cref="ModelBuilder"/> that
/// also remembers the values of the graph inputs.
/// </summary>
public sealed class OracleModelBuilder(long opset = 13, int seed = 1)
{
    private readonly List<NamedTensor> _inputs = [];

    public ModelBuilder Model { get; } = new("oracle", opset);

    public SeededValues Values { get; } = new(seed);

    public static int Count(int[] shape) => shape.Aggregate(1, (product, dim) => product * dim);

    /// <summary>A graph input of standard normal values.</summary>
    public string Input(string name, params int[] shape) => Input(name, Values.Normal(Count(shape)), shape);

    /// <summary>A graph input of the given values.</summary>
    public string Input(string name, float[] values, params int[] shape)
    {
        Model.Input(name, shape);
        _inputs.Add(new NamedTensor(name, values, shape));
        return name;
    }

    /// <summary>He-initialised weights whose fan-in is the product of every dimension but the first.</summary>
    public string Weights(string name, params int[] shape)
    {
        int fanIn = Count(shape[1..]);
        return Model.Initializer(name, Values.Normal(Count(shape), Math.Sqrt(2.0 / fanIn)), shape);
    }

    /// <summary>A float initializer of normal values with deviation <paramref name="deviation"/>.</summary>
    public string Constant(string name, double deviation, params int[] shape) => Model.Initializer(name, Values.Normal(Count(shape), deviation), shape);

    /// <summary>A float initializer of the given values.</summary>
    public string Constant(string name, float[] values, params int[] shape) => Model.Initializer(name, values, shape);

    /// <summary>An int64 initializer.</summary>
    public string Int64s(string name, long[] values, params int[] shape) => Model.InitializerInt64(name, values, shape);

    public string Node(string opType, IReadOnlyList<string> inputs, params (string Name, object Value)[] attributes) =>
        Model.Node(opType, inputs, null, attributes);

    /// <summary>Declares <paramref name="outputs"/> as the graph outputs and returns the model to run.</summary>
    public OracleModel Finish(Tolerance tolerance, params string[] outputs)
    {
        foreach (string output in outputs)
        {
            Model.Output(output);
        }

        return new OracleModel(Model.ToBytes(), [.. _inputs], tolerance);
    }
}
