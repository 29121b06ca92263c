using FlightSw.Hal;

namespace FlightSw.Sim.Devices;

/// <summary>
/// Non-volatile storage of the simulated board: kept by the simulator, so it survives every
/// reset and power cycle. A write replaces a record whole, unless a power loss is armed
/// (<see cref="ArmPowerLoss"/>). Values are copied in and out so that software cannot change
/// stored bytes behind the store's back.
/// </summary>
/// <remarks>
/// <para><b>Tear model.</b> A torn write of a new value of length n keeps its first k bytes
/// (k &lt; n): the medium then holds those k bytes followed by the old value's bytes from k up to
/// n, where the old value had bytes, as a partly programmed record would. A record that did not
/// exist holds just the k bytes. The store then powers down by itself (<see cref="IsPowered"/>
/// false), so nothing the dying software does afterwards reaches the medium, and raises
/// <see cref="WriteTorn"/>; the hardware cuts the power and calls <see cref="PowerUp"/> when it
/// returns.</para>
/// <para>While powered down, writes and deletes are dropped and counted
/// (<see cref="DroppedWrites"/>); reads still work, for inspection.</para>
/// </remarks>
public sealed class SimPersistentStore : IPersistentStore
{
    private readonly SortedDictionary<string, byte[]> _records = new(StringComparer.Ordinal);
    private readonly List<TornWrite> _tornWrites = [];
    private readonly Random _tearRandom;
    private readonly Lock _gate = new();
    private bool _powered = true;
    private bool _powerLossArmed;
    private int? _armedKeepBytes;
    private long _droppedWrites;

    /// <summary>Creates an empty, powered store whose random tear points come from a generator seeded with 0.</summary>
    public SimPersistentStore()
        : this(new Random(0))
    {
    }

    /// <summary>Creates an empty, powered store drawing random tear points from <paramref name="tearRandom"/>.</summary>
    public SimPersistentStore(Random tearRandom)
    {
        ArgumentNullException.ThrowIfNull(tearRandom);
        _tearRandom = tearRandom;
    }

    /// <summary>Raised after a torn write's bytes are stored and the store has powered down.</summary>
    public event Action<TornWrite>? WriteTorn;

    /// <summary>Writes completed since the simulation started; torn and dropped writes are not counted.</summary>
    public long Writes { get; private set; }

    /// <summary>Writes and deletes dropped because the store was powered down.</summary>
    public long DroppedWrites
    {
        get
        {
            lock (_gate)
            {
                return _droppedWrites;
            }
        }
    }

    /// <summary>Whether writes reach the medium; true at construction, false after a torn write until <see cref="PowerUp"/>.</summary>
    public bool IsPowered
    {
        get
        {
            lock (_gate)
            {
                return _powered;
            }
        }
    }

    /// <summary>Every torn write so far, in order.</summary>
    public IReadOnlyList<TornWrite> TornWrites
    {
        get
        {
            lock (_gate)
            {
                return _tornWrites.ToArray();
            }
        }
    }

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

    /// <summary>
    /// Makes the next write that reaches the medium a torn one (see the tear model above); deletes
    /// are not affected. Arming again replaces the earlier setting.
    /// </summary>
    /// <param name="keepBytes">
    /// Bytes of the new value that reach the medium; at or beyond its length the whole value is
    /// kept and only the power fails. Null draws it at the write, uniformly in [0, new length).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepBytes"/> is negative.</exception>
    public void ArmPowerLoss(int? keepBytes = null)
    {
        if (keepBytes is { } keep)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(keep, nameof(keepBytes));
        }

        lock (_gate)
        {
            _powerLossArmed = true;
            _armedKeepBytes = keepBytes;
        }
    }

    /// <summary>Cuts the store's power: from now on writes and deletes are dropped.</summary>
    public void PowerDown()
    {
        lock (_gate)
        {
            _powered = false;
        }
    }

    /// <summary>Restores the store's power.</summary>
    public void PowerUp()
    {
        lock (_gate)
        {
            _powered = true;
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
        TornWrite torn;
        lock (_gate)
        {
            if (!_powered)
            {
                _droppedWrites++;
                return;
            }

            if (!_powerLossArmed)
            {
                _records[key] = copy;
                Writes++;
                return;
            }

            torn = Tear(key, copy);
        }

        WriteTorn?.Invoke(torn);
    }

    /// <inheritdoc />
    public bool Delete(string key)
    {
        PersistentStoreKey.Validate(key);
        lock (_gate)
        {
            if (!_powered)
            {
                _droppedWrites++;
                return false;
            }

            return _records.Remove(key);
        }
    }

    /// <summary>Stores the torn remains of writing <paramref name="value"/> and powers down; called under the lock.</summary>
    private TornWrite Tear(string key, byte[] value)
    {
        int kept = _armedKeepBytes is { } keep ? Math.Min(keep, value.Length) : value.Length == 0 ? 0 : _tearRandom.Next(value.Length);
        var old = _records.GetValueOrDefault(key);
        int oldLength = old?.Length ?? 0;
        var medium = new byte[Math.Max(kept, Math.Min(value.Length, oldLength))];
        value.AsSpan(0, kept).CopyTo(medium);
        if (old is not null && oldLength > kept)
        {
            old.AsSpan(kept, medium.Length - kept).CopyTo(medium.AsSpan(kept));
        }

        _records[key] = medium;
        _powerLossArmed = false;
        _powered = false;
        var torn = new TornWrite(key, kept, value.Length, oldLength, Writes + _tornWrites.Count + 1);
        _tornWrites.Add(torn);
        return torn;
    }
}
