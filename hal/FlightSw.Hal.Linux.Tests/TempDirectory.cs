namespace FlightSw.Hal.Linux.Tests;

/// <summary>A fresh directory under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("flightsw-linux-").FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> inside the directory.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Creates the file <paramref name="relative"/> (and its folders) with <paramref name="content"/>; returns its path.</summary>
    public string CreateFile(string relative, string content = "")
    {
        string path = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
