namespace FlightSw.Hal.Linux.Tests;

/// <summary>A store on a medium that went read-only (an SD card remounted after errors): reads work, writes and deletes fail.</summary>
internal sealed class ReadOnlyStore : IPersistentStore
{
    public IReadOnlyList<string> Keys => [];

    public bool TryRead(string key, out byte[] value)
    {
        value = [];
        return false;
    }

    public void Write(string key, ReadOnlySpan<byte> value) => throw new IOException("Read-only file system");

    public bool Delete(string key) => throw new IOException("Read-only file system");
}
