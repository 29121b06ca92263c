using System.Formats.Tar;
using System.IO.Compression;

namespace FlightSw.Cli.Packaging;

/// <summary>
/// Writes a package folder as a <c>.tar.gz</c> whose single top-level folder is the package folder's
/// name, after writing its <c>MANIFEST.sha256</c>.
/// </summary>
internal static class PackageArchive
{
    /// <summary>
    /// The time stamp of every entry (2000-01-01 UTC), so the same files make the same archive.
    /// </summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const UnixFileMode RegularMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode ExecutableMode = RegularMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>
    /// Writes <paramref name="packageDirectory"/>'s <c>MANIFEST.sha256</c> (every other file), then the
    /// archive <paramref name="archivePath"/>: PAX entries in ordinal path order, folders 0755, files 0644,
    /// 0755 for <paramref name="executables"/> (paths relative to the folder) and for files the file
    /// system already marks executable; owner root, time <see cref="EntryTime"/>.
    /// </summary>
    /// <returns>The number of files in the archive, the manifest included.</returns>
    public static int Write(string packageDirectory, string archivePath, IReadOnlyCollection<string> executables)
    {
        ArgumentNullException.ThrowIfNull(packageDirectory);
        ArgumentNullException.ThrowIfNull(archivePath);
        ArgumentNullException.ThrowIfNull(executables);
        string root = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(packageDirectory)));
        string manifestPath = Path.Combine(packageDirectory, PackageManifest.FileName);
        File.Delete(manifestPath);

        var files = RelativePaths(packageDirectory, Directory.EnumerateFiles(packageDirectory, "*", SearchOption.AllDirectories));
        var entries = files.Select(f =>
        {
            using var stream = File.OpenRead(Path.Combine(packageDirectory, f));
            return new ManifestEntry(f, PackageManifest.Hash(stream));
        }).ToList();
        File.WriteAllText(manifestPath, PackageManifest.Format(entries));

        var folders = RelativePaths(packageDirectory, Directory.EnumerateDirectories(packageDirectory, "*", SearchOption.AllDirectories));
        var all = folders.Select(d => (Path: d, Folder: true))
            .Concat(files.Append(PackageManifest.FileName).Select(f => (Path: f, Folder: false)))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();

        using var output = new FileStream(archivePath, FileMode.Create, FileAccess.Write);
        using var gzip = new GZipStream(output, CompressionLevel.Optimal);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        tar.WriteEntry(Entry(TarEntryType.Directory, root + "/", ExecutableMode));
        foreach (var (path, folder) in all)
        {
            if (folder)
            {
                tar.WriteEntry(Entry(TarEntryType.Directory, $"{root}/{path}/", ExecutableMode));
                continue;
            }

            string full = Path.Combine(packageDirectory, path);
            var mode = executables.Contains(path) || IsExecutable(full) ? ExecutableMode : RegularMode;
            using var data = File.OpenRead(full);
            var entry = Entry(TarEntryType.RegularFile, $"{root}/{path}", mode);
            entry.DataStream = data;
            tar.WriteEntry(entry);
        }

        return files.Count + 1;
    }

    private static PaxTarEntry Entry(TarEntryType type, string name, UnixFileMode mode) =>
        new(type, name)
        {
            Mode = mode,
            ModificationTime = EntryTime,
            Uid = 0,
            Gid = 0,
            UserName = "root",
            GroupName = "root",
        };

    private static List<string> RelativePaths(string directory, IEnumerable<string> paths) =>
        paths.Select(p => Path.GetRelativePath(directory, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !string.Equals(p, PackageManifest.FileName, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
}
