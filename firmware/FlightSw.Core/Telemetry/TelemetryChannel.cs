namespace FlightSw.Core.Telemetry;

/// <summary>A named, typed telemetry channel; see <see cref="TelemetryChannel{T}"/>.</summary>
public abstract class TelemetryChannel
{
    private protected TelemetryChannel(ushort id, string name, string unit, string description, TelemetryType type, IReadOnlyList<KeyValuePair<string, int>>? enumLabels = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        Unit = unit ?? "";
        Description = description ?? "";
        Type = type;
        EnumLabels = enumLabels ?? [];
    }

    /// <summary>Channel id, unique in the node.</summary>
    public ushort Id { get; }

    /// <summary>Channel name, unique in the node, for example <c>BRD_BUS_V</c>.</summary>
    public string Name { get; }

    /// <summary>Engineering unit, for example <c>V</c>; empty for counts and states.</summary>
    public string Unit { get; }

    /// <summary>What the channel measures.</summary>
    public string Description { get; }

    /// <summary>Value type.</summary>
    public TelemetryType Type { get; }

    /// <summary>
    /// For an <see cref="TelemetryType.Enumeration"/> channel, every member of the enum (aliases
    /// included): its name and the 32-bit value the channel carries on the link, in the order
    /// <see cref="Enum.GetNames(System.Type)"/> gives (by value). The ground shows the label of the
    /// value it receives. Computed once when the channel is declared; empty for every other type.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, int>> EnumLabels { get; }

    /// <summary>The component that declared the channel; set when the component is added to an application.</summary>
    public string Component { get; internal set; } = "";

    /// <summary>How many times the channel has been written since boot.</summary>
    public long UpdateCount { get; private protected set; }

    /// <summary>When the channel was last written, on the board clock.</summary>
    public DateTimeOffset LastUpdated { get; private protected set; }

    /// <summary>The value, boxed; null before the first write.</summary>
    public abstract object? BoxedValue { get; }

    /// <summary>The board clock that timestamps writes; bound when the application starts.</summary>
    private protected TimeProvider? Clock { get; private set; }

    /// <summary>The latest value as a sample for the ground.</summary>
    public TelemetrySample Sample() => new(Id, Name, BoxedValue, LastUpdated, UpdateCount);

    internal void Bind(TimeProvider time) => Clock = time;
}
