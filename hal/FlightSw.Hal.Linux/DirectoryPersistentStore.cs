namespace FlightSw.Hal.Linux;

/// <summary>
/// Persistent records as files in one directory, one file per record named after its key. A
/// write goes to a temporary file (<c>KEY.tmp~</c>), is flushed to the disk, renamed over the
/// record (atomic on a POSIX file system) and the directory flushed too, so after a power loss
/// a reader finds the old record or the new one, never a mixture. Temporary files a power loss
/// left behind are deleted when the store opens. Thread-safe within one process.
/// </summary>
public sealed class DirectoryPersistentStore : IPersistentStore
{
    /// <summary>
    /// Suffix of temporary files. '~' cannot appear in a key, so no record (not even one named
    /// <c>x.tmp</c>) can collide with a temporary file.
    /// </summary>
    public const string TempSuffix = ".tmp~";

    private readonly Lock _gate = new();

    /// <summary>Opens the store in <paramref name="directory"/>, creating it when missing, and deletes leftover temporary files.</summary>
    /// <exception cref="IOException">The directory cannot be created or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not accessible.</exception>
    public DirectoryPersistentStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
        DeleteLeftoverTempFiles();
    }

    /// <summary>Full path of the store's directory.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return System.IO.Directory.EnumerateFiles(Directory)
                    .Select(Path.GetFileName)
                    .OfType<string>()
                    .Where(IsKey)
                    .Order(StringComparer.Ordinal)
                    .ToArray();
            }
        }
    }

    /// <inheritdoc />
    public bool TryRead(string key, out byte[] value)
    {
        PersistentStoreKey.Validate(key);
        lock (_gate)
        {
            try
            {
                value = File.ReadAllBytes(RecordPath(key));
                return true;
            }
            catch (FileNotFoundException)
            {
                value = [];
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Write(string key, ReadOnlySpan<byte> value)
    {
        PersistentStoreKey.Validate(key);
        lock (_gate)
        {
            string temp = RecordPath(key) + TempSuffix;
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(value);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, RecordPath(key), overwrite: true);
            SyncDirectory();
        }
    }

    /// <inheritdoc />
    public bool Delete(string key)
    {
        PersistentStoreKey.Validate(key);
        lock (_gate)
        {
            string path = RecordPath(key);
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            SyncDirectory();
            return true;
        }
    }

    private static bool IsKey(string name)
    {
        try
        {
            PersistentStoreKey.Validate(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private string RecordPath(string key) => Path.Combine(Directory, key);

    private void DeleteLeftoverTempFiles()
    {
        bool deleted = false;
        foreach (string temp in System.IO.Directory.EnumerateFiles(Directory, "*" + TempSuffix))
        {
            // Never renamed over its record: the write it belonged to did not happen.
            File.Delete(temp);
            deleted = true;
        }

        if (deleted)
        {
            SyncDirectory();
        }
    }

    /// <summary>fsync of the directory, so that a rename or delete survives a power loss.</summary>
    private void SyncDirectory()
    {
        int fd = LibC.Open(Directory, LibC.OpenReadOnly | LibC.OpenCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Cannot open store directory {Directory} to flush it: {LibC.LastError().Text}.");
        }

        try
        {
            if (LibC.Fsync(fd) != 0)
            {
                throw new IOException($"Cannot flush store directory {Directory}: {LibC.LastError().Text}.");
            }
        }
        finally
        {
            LibC.Close(fd);
        }
    }
}
