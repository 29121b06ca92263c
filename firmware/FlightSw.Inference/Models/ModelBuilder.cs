using System.Text;
using FlightSw.Inference.Onnx;
using Google.Protobuf;

namespace FlightSw.Inference.Models;

/// <summary>
/// Writes small ONNX models in code: float32 inputs and outputs, initializers and nodes of the
/// default operator set. Used by tests, benchmarks and ground tools; the bytes load with
/// <see cref="OnnxModelLoader"/> and with ONNX Runtime alike.
/// </summary>
/// <example>
/// <code>
/// var builder = new ModelBuilder();
/// string x = builder.Input("x", 1, 3, 8, 8);
/// string w = builder.Initializer("w", weights, 4, 3, 3, 3);
/// string y = builder.Node("Relu", [builder.Node("Conv", [x, w], "conv1", ("pads", new[] { 1, 1, 1, 1 }))]);
/// builder.Output(y);
/// byte[] onnx = builder.ToBytes();
/// </code>
/// </example>
public sealed class ModelBuilder
{
    /// <summary>The IR version written: 8 (ONNX 1.10), read by every current runtime.</summary>
    public const long IrVersion = 8;

    private readonly GraphProto _graph;
    private readonly long _opset;

    /// <summary>Starts an empty graph named <paramref name="graphName"/> importing default-domain opset <paramref name="opset"/>.</summary>
    public ModelBuilder(string graphName = "model", long opset = 13)
    {
        _graph = new GraphProto { Name = graphName };
        _opset = opset;
    }

    /// <summary>Adds a float32 graph input of fixed <paramref name="shape"/>; returns its name.</summary>
    public string Input(string name, params int[] shape) => SymbolicInput(name, [.. shape.Select(dim => (object?)dim)]);

    /// <summary>
    /// Adds a float32 graph input whose dimensions may be symbolic: each entry is an int (a fixed
    /// size), a string (a named symbolic dimension) or null (a dimension with neither); returns its name.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is of another type.</exception>
    public string SymbolicInput(string name, params object?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (object? dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                int value => new TensorShapeProto.Types.Dimension { DimValue = value },
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                null => new TensorShapeProto.Types.Dimension(),
                _ => throw new ArgumentException($"Dimension '{dim}' of input '{name}' is a {dim.GetType().Name}; use int, string or null.", nameof(dims)),
            });
        }

        _graph.Input.Add(FloatValue(name, shape));
        return name;
    }

    /// <summary>Adds a float32 initializer (a weight) of <paramref name="shape"/>; returns its name.</summary>
    /// <exception cref="ArgumentException">The value count does not match the shape.</exception>
    public string Initializer(string name, float[] values, params int[] shape)
    {
        RequireCount(name, values.Length, shape);
        _graph.Initializer.Add(TensorEncoder.Floats(name, values, shape));
        return name;
    }

    /// <summary>Adds an int64 initializer (shapes, axes, indices) of <paramref name="shape"/>; returns its name.</summary>
    /// <exception cref="ArgumentException">The value count does not match the shape.</exception>
    public string InitializerInt64(string name, long[] values, params int[] shape)
    {
        RequireCount(name, values.Length, shape);
        _graph.Initializer.Add(TensorEncoder.Int64s(name, values, shape));
        return name;
    }

    /// <summary>
    /// Adds a node with one output, named <c>&lt;name&gt;_out</c>, and returns that output's name.
    /// <paramref name="name"/> defaults to <c>&lt;opType&gt;_&lt;index&gt;</c>. Attribute values:
    /// int or long (INT), float or double (FLOAT), string (STRING), int[] or long[] (INTS),
    /// float[] (FLOATS), <see cref="ConstantTensor"/> (TENSOR). An empty input name is an omitted optional input.
    /// </summary>
    /// <exception cref="ArgumentException">An attribute value is of another type.</exception>
    public string Node(string opType, IReadOnlyList<string> inputs, string? name = null, params (string Name, object Value)[] attributes)
    {
        name ??= DefaultName(opType);
        AddNode(opType, inputs, name, [$"{name}_out"], attributes);
        return $"{name}_out";
    }

    /// <summary>
    /// Adds a node with <paramref name="outputs"/> outputs, named <c>&lt;name&gt;_out0</c>,
    /// <c>&lt;name&gt;_out1</c>, ..., and returns their names (attributes as for <see cref="Node"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An attribute value is of another type.</exception>
    public IReadOnlyList<string> NodeWithOutputs(string opType, IReadOnlyList<string> inputs, int outputs, string? name = null, params (string Name, object Value)[] attributes)
    {
        name ??= DefaultName(opType);
        string[] names = [.. Enumerable.Range(0, outputs).Select(index => $"{name}_out{index}")];
        AddNode(opType, inputs, name, names, attributes);
        return names;
    }

    /// <summary>Declares <paramref name="valueName"/> a float32 graph output (its shape is left to the reader).</summary>
    public void Output(string valueName) => _graph.Output.Add(FloatValue(valueName, shape: null));

    /// <summary>The model as a serialized ONNX <c>ModelProto</c>, IR version <see cref="IrVersion"/>.</summary>
    public byte[] ToBytes()
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "FlightSw.Inference.ModelBuilder",
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = _opset });
        return model.ToByteArray();
    }

    private string DefaultName(string opType) => $"{opType}_{_graph.Node.Count}";

    private void AddNode(string opType, IReadOnlyList<string> inputs, string name, IEnumerable<string> outputs, (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var (attributeName, value) in attributes)
        {
            node.Attribute.Add(Attribute(name, attributeName, value));
        }

        _graph.Node.Add(node);
    }

    private static AttributeProto Attribute(string node, string name, object value)
    {
        var attribute = new AttributeProto { Name = name };
        switch (value)
        {
            case int or long:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case float or double:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case string text:
                attribute.Type = AttributeProto.Types.AttributeType.String;
                attribute.S = ByteString.CopyFrom(text, Encoding.UTF8);
                break;
            case int[] ints:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(ints.Select(item => (long)item));
                break;
            case long[] longs:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(longs);
                break;
            case float[] floats:
                attribute.Type = AttributeProto.Types.AttributeType.Floats;
                attribute.Floats.AddRange(floats);
                break;
            case ConstantTensor tensor:
                attribute.Type = AttributeProto.Types.AttributeType.Tensor;
                attribute.T = TensorEncoder.Constant(tensor);
                break;
            default:
                throw new ArgumentException($"Attribute '{name}' of node '{node}' is a {value.GetType().Name}; use int, long, float, string, int[], long[], float[] or ConstantTensor.", nameof(value));
        }

        return attribute;
    }

    private static ValueInfoProto FloatValue(string name, TensorShapeProto? shape)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float };
        if (shape is not null)
        {
            tensor.Shape = shape;
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    private static void RequireCount(string name, int count, int[] shape)
    {
        long expected = shape.Aggregate(1L, (product, dim) => product * dim);
        if (count != expected)
        {
            throw new ArgumentException($"Initializer '{name}' has {count} values but shape [{string.Join(", ", shape)}] holds {expected}.", nameof(shape));
        }
    }
}
