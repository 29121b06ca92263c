namespace FlightSw.Inference.Models;

/// <summary>
/// A node's attributes by name: int, ints, float, floats, string or tensor. The getters take the
/// ONNX default; a present attribute of the wrong kind is refused with the node named.
/// </summary>
public sealed class NodeAttributes
{
    private readonly Dictionary<string, object> _values;

    /// <summary>Creates attributes for node <paramref name="nodeName"/> from name to value (long, long[], float, float[], string or <see cref="ConstantTensor"/>).</summary>
    public NodeAttributes(string nodeName, IReadOnlyDictionary<string, object> values)
    {
        NodeName = nodeName;
        _values = new(values, StringComparer.Ordinal);
    }

    /// <summary>The node the attributes belong to, for error messages.</summary>
    public string NodeName { get; }

    /// <summary>Names of the attributes present.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>True when attribute <paramref name="name"/> is present.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Integer attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public long GetInt(string name, long fallback) => Get(name, fallback);

    /// <summary>Integer-list attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent (null when none given).</summary>
    public long[]? GetInts(string name, long[]? fallback = null) => _values.TryGetValue(name, out var value) ? Cast<long[]>(name, value) : fallback;

    /// <summary>Float attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public float GetFloat(string name, float fallback) => Get(name, fallback);

    /// <summary>Float-list attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public float[]? GetFloats(string name, float[]? fallback = null) => _values.TryGetValue(name, out var value) ? Cast<float[]>(name, value) : fallback;

    /// <summary>String attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback) => Get(name, fallback);

    /// <summary>Tensor attribute <paramref name="name"/>, or null when absent.</summary>
    public ConstantTensor? GetTensor(string name) => _values.TryGetValue(name, out var value) ? Cast<ConstantTensor>(name, value) : null;

    /// <summary>A copy with attribute <paramref name="name"/> set to <paramref name="value"/> (used to make defaults explicit at load).</summary>
    public NodeAttributes With(string name, object value)
    {
        var values = new Dictionary<string, object>(_values, StringComparer.Ordinal) { [name] = value };
        return new NodeAttributes(NodeName, values);
    }

    private T Get<T>(string name, T fallback) => _values.TryGetValue(name, out var value) ? Cast<T>(name, value) : fallback;

    private T Cast<T>(string name, object value) => value is T typed
        ? typed
        : throw new ModelLoadException(NodeName, $"attribute '{name}' is a {value.GetType().Name}, expected {typeof(T).Name}");
}
