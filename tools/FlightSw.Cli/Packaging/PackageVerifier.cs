using System.Formats.Tar;
using System.IO.Compression;

namespace FlightSw.Cli.Packaging;

/// <summary>
/// Checks a package archive against its own <c>MANIFEST.sha256</c>: every listed file present with its
/// SHA-256, nothing unlisted but the manifest.
/// </summary>
internal static class PackageVerifier
{
    /// <summary>Verifies the archive at <paramref name="archivePath"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static PackageVerification Verify(string archivePath)
    {
        ArgumentNullException.ThrowIfNull(archivePath);
        if (!File.Exists(archivePath))
        {
            throw new FileNotFoundException($"no such package: {archivePath}", archivePath);
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<PackageProblem>();
        string? manifestText = null;
        string? folder = null;
        try
        {
            using var file = File.OpenRead(archivePath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                string name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                if (name.Length == 0 || name == ".")
                {
                    continue;
                }

                string top = name.Split('/')[0];
                folder ??= top;
                if (!string.Equals(top, folder, StringComparison.Ordinal))
                {
                    problems.Add(new PackageProblem(PackageProblemKind.Extra, name, "outside the package folder " + folder));
                    continue;
                }

                string relative = name.Length > top.Length ? name[(top.Length + 1)..].TrimEnd('/') : "";
                if (entry.EntryType == TarEntryType.Directory)
                {
                    continue;
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    problems.Add(new PackageProblem(PackageProblemKind.Extra, relative, $"a {entry.EntryType} entry, not a regular file"));
                    continue;
                }

                using var data = new MemoryStream();
                entry.DataStream?.CopyTo(data);
                data.Position = 0;
                if (string.Equals(relative, PackageManifest.FileName, StringComparison.Ordinal))
                {
                    manifestText = new StreamReader(data).ReadToEnd();
                }
                else if (!hashes.TryAdd(relative, PackageManifest.Hash(data)))
                {
                    problems.Add(new PackageProblem(PackageProblemKind.Extra, relative, "a second entry with the same path"));
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or IOException or ArgumentException)
        {
            return new PackageVerification(archivePath, folder, 0, [new PackageProblem(PackageProblemKind.Unreadable, archivePath, $"not a readable .tar.gz: {ex.Message.TrimEnd('.')}")]);
        }

        if (manifestText is null)
        {
            problems.Add(new PackageProblem(PackageProblemKind.Missing, PackageManifest.FileName, "the archive has no manifest at the top of its package folder"));
            return new PackageVerification(archivePath, folder, 0, Sorted(problems));
        }

        var listed = PackageManifest.Parse(
            manifestText,
            (line, text) => problems.Add(new PackageProblem(PackageProblemKind.Malformed, $"{PackageManifest.FileName}:{line}", $"not '<sha256>  <path>': {text}")));
        int good = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in listed)
        {
            seen.Add(entry.Path);
            if (!hashes.TryGetValue(entry.Path, out string? actual))
            {
                problems.Add(new PackageProblem(PackageProblemKind.Missing, entry.Path, "listed in the manifest, not in the archive"));
            }
            else if (!string.Equals(actual, entry.Sha256, StringComparison.Ordinal))
            {
                problems.Add(new PackageProblem(PackageProblemKind.Changed, entry.Path, $"manifest sha256 {entry.Sha256[..12]}..., archive {actual[..12]}..."));
            }
            else
            {
                good++;
            }
        }

        foreach (string path in hashes.Keys.Where(p => !seen.Contains(p)))
        {
            problems.Add(new PackageProblem(PackageProblemKind.Extra, path, "in the archive, not in the manifest"));
        }

        return new PackageVerification(archivePath, folder, good, Sorted(problems));
    }

    private static List<PackageProblem> Sorted(List<PackageProblem> problems) =>
        problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Kind).ToList();
}
