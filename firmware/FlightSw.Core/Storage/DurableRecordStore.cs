using FlightSw.Hal;

namespace FlightSw.Core.Storage;

/// <summary>
/// Records that survive a power loss at any moment, over an <see cref="IPersistentStore"/> whose
/// writes may be torn. Each record is two alternating copies, keys <c>NAME.a</c> and
/// <c>NAME.b</c>, each with a sequence number and a CRC-32C (see <see cref="DurableCopy"/>).
/// A read takes the sound copy with the highest sequence; a write puts the next sequence into
/// the other slot and never touches the newest sound copy. So a write cut short leaves the
/// previous value readable: a reader sees the old value or the new one, never garbage.
/// </summary>
/// <remarks>
/// Not safe for concurrent writers of one record: a write reads the copies, then writes one.
/// Errors of the underlying store (<see cref="IOException"/>) pass through.
/// </remarks>
public sealed class DurableRecordStore
{
    /// <summary>Longest record name: the name plus <c>.a</c> or <c>.b</c> fits <see cref="PersistentStoreKey.MaxLength"/>.</summary>
    public const int MaxNameLength = PersistentStoreKey.MaxLength - 2;

    private readonly IPersistentStore _store;

    /// <summary>Keeps records in <paramref name="store"/>; the caller keeps ownership of it.</summary>
    public DurableRecordStore(IPersistentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Reads record <paramref name="name"/>: its newest sound copy, and why any copy was refused. Bad stored data never throws.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid record name.</exception>
    public DurableRead Read(string name)
    {
        ValidateName(name);
        return Inspect(name, out _);
    }

    /// <summary>The payload of the newest sound copy of record <paramref name="name"/>; false (and empty) when there is none.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid record name.</exception>
    public bool TryRead(string name, out byte[] payload)
    {
        var read = Read(name);
        payload = read.Payload;
        return read.Found;
    }

    /// <summary>
    /// Stores <paramref name="payload"/> as record <paramref name="name"/>: with the newest
    /// sequence plus one, in the slot that does not hold the newest sound copy (slot A when
    /// neither copy is sound). That copy is left untouched.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid record name.</exception>
    /// <exception cref="IOException">The store failed; the record reads as before or as the new value.</exception>
    public void Write(string name, ReadOnlySpan<byte> payload)
    {
        ValidateName(name);
        var current = Inspect(name, out string? newestKey);
        string target = newestKey == KeyA(name) ? KeyB(name) : KeyA(name);
        _store.Write(target, DurableCopy.Encode(current.Sequence + 1, payload));
    }

    /// <summary>Deletes both copies of record <paramref name="name"/>; true when either existed.</summary>
    /// <remarks>The newest sound copy goes last, so a delete cut short leaves the record reading as before, never as an older value.</remarks>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid record name.</exception>
    public bool Delete(string name)
    {
        ValidateName(name);
        Inspect(name, out string? newestKey);
        string last = newestKey ?? KeyB(name);
        string first = last == KeyA(name) ? KeyB(name) : KeyA(name);
        bool deletedFirst = _store.Delete(first);
        bool deletedLast = _store.Delete(last);
        return deletedFirst || deletedLast;
    }

    private static string KeyA(string name) => name + ".a";

    private static string KeyB(string name) => name + ".b";

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Durable record name must be 1 to {MaxNameLength} characters long (was {name.Length}).", nameof(name));
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                throw new ArgumentException($"Durable record name '{name}' has character '{c}'; only letters, digits, '.', '-' and '_' are allowed.", nameof(name));
            }
        }
    }

    private DurableRead Inspect(string name, out string? newestKey)
    {
        newestKey = null;
        DurableCopy newest = default;
        var refused = new List<string>(2);
        foreach (string key in (ReadOnlySpan<string>)[KeyA(name), KeyB(name)])
        {
            if (!_store.TryRead(key, out var stored))
            {
                continue;
            }

            if (!DurableCopy.TryDecode(stored, out var copy, out string reason))
            {
                refused.Add($"{key}: {reason}");
            }
            else if (newestKey is null || copy.Sequence > newest.Sequence)
            {
                (newestKey, newest) = (key, copy);
            }
        }

        return newestKey is null
            ? new DurableRead(false, [], 0, refused)
            : new DurableRead(true, newest.Payload, newest.Sequence, refused);
    }
}
