namespace FlightSw.Inference.Models;

/// <summary>
/// A model file the engine refuses at load: malformed, or using something it does not support.
/// The message names the source, the node and the operator where there is one.
/// </summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>A refusal about node <paramref name="node"/> (its name and op type, e.g. <c>Conv node 'conv1'</c>).</summary>
    public ModelLoadException(string node, string reason)
        : base($"{node}: {reason}")
    {
        Node = node;
        Reason = reason;
    }

    /// <summary>A refusal with an inner cause.</summary>
    public ModelLoadException(string node, string reason, Exception inner)
        : base($"{node}: {reason}", inner)
    {
        Node = node;
        Reason = reason;
    }

    /// <summary>
    /// A refusal about <paramref name="node"/> in the model read from <paramref name="source"/>
    /// (a file name or the caller's label); the message starts with the source.
    /// </summary>
    public ModelLoadException(string source, string node, string reason, Exception? inner)
        : base(node == source ? $"{source}: {reason}" : $"{source}: {node}: {reason}", inner)
    {
        ModelSource = source;
        Node = node;
        Reason = reason;
    }

    /// <summary>Creates an exception without detail (for serializers); prefer the other constructors.</summary>
    public ModelLoadException()
        : this("model", "refused")
    {
    }

    /// <summary>Creates an exception with a message only; prefer the other constructors.</summary>
    public ModelLoadException(string message)
        : this("model", message)
    {
    }

    /// <summary>What the refusal is about: a node (<c>Conv node 'conv1'</c>), a value, or the whole file.</summary>
    public string Node { get; }

    /// <summary>The file or label of the refused model, or null when the refusal was raised without one.</summary>
    public string? ModelSource { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }
}
