using FlightSw.Hal;

namespace FlightSw.Core.Tests.Storage;

/// <summary>
/// A store over another that logs every write and delete (<c>write KEY</c>, <c>delete KEY</c>)
/// and, once <see cref="FailAfter"/> of them have been let through, fails the rest with
/// <see cref="IOException"/>, as a store whose power or medium gives out would.
/// </summary>
internal sealed class InterruptibleStore(IPersistentStore inner) : IPersistentStore
{
    private int _passed;

    /// <summary>Writes and deletes still let through; null for all of them.</summary>
    public int? FailAfter { get; set; }

    public List<string> Log { get; } = [];

    public IReadOnlyList<string> Keys => inner.Keys;

    public bool TryRead(string key, out byte[] value) => inner.TryRead(key, out value);

    public void Write(string key, ReadOnlySpan<byte> value)
    {
        Pass($"write {key}");
        inner.Write(key, value);
    }

    public bool Delete(string key)
    {
        Pass($"delete {key}");
        return inner.Delete(key);
    }

    private void Pass(string operation)
    {
        if (FailAfter is { } limit && _passed >= limit)
        {
            throw new IOException($"store failed at {operation}");
        }

        _passed++;
        Log.Add(operation);
    }
}
