using FlightSw.Hal;

namespace FlightSw.Sim.Devices;

/// <summary>
/// Non-volatile storage of the simulated board: kept by the simulator, so it survives every
/// reset and power cycle. A write replaces a record whole. Values are copied in and out so
/// that software cannot change stored bytes behind the store's back.
/// </summary>
public sealed class SimPersistentStore : IPersistentStore
{
    private readonly SortedDictionary<string, byte[]> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Writes since the simulation started.</summary>
    public long Writes { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return _records.Keys.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public bool TryRead(string key, out byte[] value)
    {
        PersistentStoreKey.Validate(key);
        lock (_gate)
        {
            if (_records.TryGetValue(key, out var stored))
            {
                value = (byte[])stored.Clone();
                return true;
            }
        }

        value = [];
        return false;
    }

    /// <inheritdoc />
    public void Write(string key, ReadOnlySpan<byte> value)
    {
        PersistentStoreKey.Validate(key);
        var copy = value.ToArray();
        lock (_gate)
        {
            _records[key] = copy;
            Writes++;
        }
    }

    /// <inheritdoc />
    public bool Delete(string key)
    {
        PersistentStoreKey.Validate(key);
        lock (_gate)
        {
            return _records.Remove(key);
        }
    }
}
