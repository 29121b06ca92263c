using System.Security.Cryptography;
using System.Text;

namespace FlightSw.Cli.Packaging;

/// <summary>
/// <c>MANIFEST.sha256</c>: one line <c>&lt;sha256&gt;  &lt;relative path&gt;</c> per file of the package
/// except itself, sorted ordinally by path; the format of <c>sha256sum</c>, so <c>sha256sum -c</c> checks it.
/// </summary>
internal static class PackageManifest
{
    /// <summary>The manifest's file name, at the top of the package folder.</summary>
    public const string FileName = "MANIFEST.sha256";

    /// <summary>The manifest text of <paramref name="entries"/>: sorted by path, <c>\n</c> line ends.</summary>
    public static string Format(IEnumerable<ManifestEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        foreach (var entry in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            text.Append(entry.Sha256).Append("  ").Append(entry.Path).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The entries of <paramref name="text"/>; each line that is not <c>&lt;64 hex digits&gt;</c>, two spaces
    /// (or space and <c>*</c>) and a relative path goes to <paramref name="malformed"/> with its line number.
    /// </summary>
    public static IReadOnlyList<ManifestEntry> Parse(string text, Action<int, string> malformed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(malformed);
        var entries = new List<ManifestEntry>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            bool wellFormed = line.Length > 66
                && line[..64].All(char.IsAsciiHexDigit)
                && line[64] == ' '
                && line[65] is ' ' or '*';
            string path = wellFormed ? line[66..] : "";
            if (!wellFormed || path.StartsWith('/') || path.Split('/').Any(part => part is "" or "." or ".."))
            {
                malformed(i + 1, line);
                continue;
            }

            entries.Add(new ManifestEntry(path, line[..64].ToLowerInvariant()));
        }

        return entries;
    }

    /// <summary>The SHA-256 of <paramref name="stream"/>'s remaining bytes, as 64 lowercase hexadecimal digits.</summary>
    public static string Hash(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));
}
