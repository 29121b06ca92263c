namespace FlightSw.Hal;

/// <summary>
/// Named records that survive resets and power loss. A record is written whole: a reader sees
/// the previous value or the new one. Keys are short ASCII names (letters, digits, '.', '-', '_').
/// </summary>
public interface IPersistentStore
{
    /// <summary>Reads the record named <paramref name="key"/>; false when there is none.</summary>
    bool TryRead(string key, out byte[] value);

    /// <summary>Writes (creates or replaces) the record named <paramref name="key"/>.</summary>
    void Write(string key, ReadOnlySpan<byte> value);

    /// <summary>Deletes the record named <paramref name="key"/>; false when there was none.</summary>
    bool Delete(string key);

    /// <summary>The names of all records, in ordinal order.</summary>
    IReadOnlyList<string> Keys { get; }
}
