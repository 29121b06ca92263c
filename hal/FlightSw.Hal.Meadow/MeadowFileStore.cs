namespace FlightSw.Hal.Meadow;

/// <summary>
/// <see cref="IPersistentStore"/> as one file per record in a directory of the Meadow's flash
/// file system (the board file's storage path, under <c>MeadowOS.FileSystem.DataDirectory</c>).
/// A write survives a power cut whole or not at all.
/// </summary>
/// <remarks>
/// <para>A write goes to <c>KEY.rec.tmp</c>, is flushed, and is renamed <c>KEY.rec.new</c>: from
/// then on it is complete. The old <c>KEY.rec</c> is deleted and the new one renamed into its place.
/// At construction, <c>.tmp</c> files (cut short) are deleted and <c>.new</c> files (complete)
/// replace their record, so a reader sees the old value or the new one. Only plain renames to a
/// free name are used, since an overwriting rename is not in .NET Standard 2.1.</para>
/// <para>This leans on the file system making a rename atomic and a flush durable. Check that for
/// the Meadow OS version flown (LittleFS on the F7's flash gives both, as far as we know).</para>
/// </remarks>
public sealed class MeadowFileStore : IPersistentStore
{
    private const string RecordSuffix = ".rec";

    /// <summary>Appended to a record's path: a complete new value waiting to replace the record.</summary>
    private const string CompleteSuffix = ".new";

    /// <summary>Appended to a record's path: a new value being written.</summary>
    private const string PartialSuffix = ".tmp";

    private readonly string _directory;
    private readonly object _gate = new();

    /// <summary>Opens (creating if need be) the store in <paramref name="directory"/> and finishes or drops writes a reset cut short.</summary>
    /// <param name="directory">The store's own directory; nothing else should write there.</param>
    public MeadowFileStore(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException("The store needs a directory.", nameof(directory));
        }

        _directory = directory;
        Directory.CreateDirectory(directory);
        Recover();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
            {
                var keys = Directory.GetFiles(_directory)
                    .Select(path => Path.GetFileName(path))
                    .Where(name => name.EndsWith(RecordSuffix, StringComparison.Ordinal))
                    .Select(name => name.Substring(0, name.Length - RecordSuffix.Length))
                    .ToList();
                keys.Sort(StringComparer.Ordinal);
                return keys;
            }
        }
    }

    /// <inheritdoc />
    public bool TryRead(string key, out byte[] value)
    {
        PersistentStoreKey.Validate(key);
        string record = RecordPath(key);
        lock (_gate)
        {
            if (File.Exists(record))
            {
                value = File.ReadAllBytes(record);
                return true;
            }
        }

        value = Array.Empty<byte>();
        return false;
    }

    /// <inheritdoc />
    public void Write(string key, ReadOnlySpan<byte> value)
    {
        PersistentStoreKey.Validate(key);
        string record = RecordPath(key);
        lock (_gate)
        {
            using (var stream = new FileStream(record + PartialSuffix, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(value);
                stream.Flush(flushToDisk: true);
            }

            // From this rename on, the new value survives a reset.
            DeleteIfPresent(record + CompleteSuffix);
            File.Move(record + PartialSuffix, record + CompleteSuffix);
            Commit(record);
        }
    }

    /// <inheritdoc />
    public bool Delete(string key)
    {
        PersistentStoreKey.Validate(key);
        string record = RecordPath(key);
        lock (_gate)
        {
            DeleteIfPresent(record + CompleteSuffix);
            return DeleteIfPresent(record);
        }
    }

    /// <summary>Puts the complete new value of <paramref name="record"/> in its place.</summary>
    private static void Commit(string record)
    {
        DeleteIfPresent(record);
        File.Move(record + CompleteSuffix, record);
    }

    private static bool DeleteIfPresent(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private string RecordPath(string key) => Path.Combine(_directory, key + RecordSuffix);

    private void Recover()
    {
        lock (_gate)
        {
            foreach (string path in Directory.GetFiles(_directory))
            {
                if (path.EndsWith(RecordSuffix + PartialSuffix, StringComparison.Ordinal))
                {
                    File.Delete(path);
                }
                else if (path.EndsWith(RecordSuffix + CompleteSuffix, StringComparison.Ordinal))
                {
                    Commit(path.Substring(0, path.Length - CompleteSuffix.Length));
                }
            }
        }
    }
}
