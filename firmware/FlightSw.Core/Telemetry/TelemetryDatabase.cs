namespace FlightSw.Core.Telemetry;

/// <summary>Every telemetry channel of the node, by id and by name.</summary>
public sealed class TelemetryDatabase
{
    private readonly Dictionary<ushort, TelemetryChannel> _byId = [];
    private readonly Dictionary<string, TelemetryChannel> _byName = new(StringComparer.Ordinal);
    private readonly List<TelemetryChannel> _all = [];

    /// <summary>All channels in registration order.</summary>
    public IReadOnlyList<TelemetryChannel> All => _all;

    /// <summary>Adds a channel; throws <see cref="InvalidOperationException"/> naming both owners when its id or name is taken.</summary>
    public void Register(TelemetryChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (_byId.TryGetValue(channel.Id, out var sameId))
        {
            throw new InvalidOperationException($"Telemetry id 0x{channel.Id:X4} of {channel.Component}.{channel.Name} is already used by {sameId.Component}.{sameId.Name}.");
        }

        if (_byName.TryGetValue(channel.Name, out var sameName))
        {
            throw new InvalidOperationException($"Telemetry name {channel.Name} of {channel.Component} is already used by {sameName.Component}.");
        }

        _byId.Add(channel.Id, channel);
        _byName.Add(channel.Name, channel);
        _all.Add(channel);
    }

    /// <summary>The channel named <paramref name="name"/>, or null.</summary>
    public TelemetryChannel? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The channel with id <paramref name="id"/>, or null.</summary>
    public TelemetryChannel? Find(ushort id) => _byId.GetValueOrDefault(id);

    /// <summary>The latest value of every channel, in registration order.</summary>
    public IReadOnlyList<TelemetrySample> Snapshot() => _all.Select(c => c.Sample()).ToArray();
}
