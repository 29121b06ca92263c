namespace FlightSw.Hal.Memory;

/// <summary>
/// The memory of one boot that upsets can hit: flight software registers its protected regions
/// here, and a radiation model or a fault-injection command finds them by name. A reset ends the
/// boot and with it the map, as it ends the volatile memory it describes.
/// </summary>
public sealed class MemoryMap
{
    private readonly Lock _gate = new();
    private readonly List<IUpsetTarget> _targets = [];

    /// <summary>The registered memories, in registration order (a snapshot).</summary>
    public IReadOnlyList<IUpsetTarget> Targets
    {
        get
        {
            lock (_gate)
            {
                return [.. _targets];
            }
        }
    }

    /// <summary>Total physical bits of every registered memory.</summary>
    public long TotalBits
    {
        get
        {
            lock (_gate)
            {
                return _targets.Sum(target => target.BitCount);
            }
        }
    }

    /// <summary>Adds <paramref name="target"/>; its name must be unique in the map.</summary>
    /// <exception cref="InvalidOperationException">A memory of the same name is registered.</exception>
    public void Register(IUpsetTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            if (_targets.Any(existing => existing.Name == target.Name))
            {
                throw new InvalidOperationException($"A memory named '{target.Name}' is already registered.");
            }

            _targets.Add(target);
        }
    }

    /// <summary>Removes <paramref name="target"/>; returns false when it was not registered.</summary>
    public bool Unregister(IUpsetTarget target)
    {
        lock (_gate)
        {
            return _targets.Remove(target);
        }
    }

    /// <summary>Finds the memory named <paramref name="name"/>.</summary>
    public bool TryFind(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IUpsetTarget? target)
    {
        lock (_gate)
        {
            target = _targets.Find(existing => existing.Name == name);
            return target is not null;
        }
    }
}
