namespace FlightSw.Core.Parameters;

/// <summary>A named, bounded setting that persists across resets; see <see cref="Parameter{T}"/>.</summary>
public abstract class Parameter
{
    private protected Parameter(ushort id, string name, string unit, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        Unit = unit ?? "";
        Description = description ?? "";
    }

    /// <summary>Parameter id, unique in the node.</summary>
    public ushort Id { get; }

    /// <summary>Parameter name, unique in the node, for example <c>BRD_OVERTEMP_C</c>.</summary>
    public string Name { get; }

    /// <summary>Engineering unit.</summary>
    public string Unit { get; }

    /// <summary>What the parameter controls.</summary>
    public string Description { get; }

    /// <summary>The component that declared the parameter; set when the component is added to an application.</summary>
    public string Component { get; internal set; } = "";

    /// <summary>The current value as invariant-culture text.</summary>
    public abstract string ValueText { get; }

    /// <summary>The default as invariant-culture text.</summary>
    public abstract string DefaultText { get; }

    /// <summary>The accepted range, for messages, for example <c>[-40, 125]</c>.</summary>
    public abstract string RangeText { get; }

    /// <summary>Whether the value equals the default.</summary>
    public abstract bool IsDefault { get; }

    /// <summary>Parses and sets a value; false with a reason when it does not parse or is out of range.</summary>
    public abstract bool TrySetText(string text, out string error);

    /// <summary>Restores the default value.</summary>
    public abstract void ResetToDefault();
}
