using System.Formats.Tar;
using System.IO.Compression;
using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

/// <summary>Small package archives made and tampered with for the verifier tests.</summary>
internal static class TestArchives
{
    /// <summary>One entry of an archive, read into memory.</summary>
    public sealed record Entry(string Name, TarEntryType Type, UnixFileMode Mode, byte[] Data, string? LinkName = null);

    /// <summary>Makes <c>DIR/flightsw-node-test-1.0/</c> with a few files (one executable) and archives it to <c>DIR/flightsw-node-test-1.0.tar.gz</c>.</summary>
    public static string Make(string directory)
    {
        string package = Path.Combine(directory, "flightsw-node-test-1.0");
        Directory.CreateDirectory(Path.Combine(package, "boards"));
        File.WriteAllText(Path.Combine(package, "flightsw-node"), "#!/bin/sh\necho node\n");
        File.WriteAllText(Path.Combine(package, "flightsw-node.dll"), "not really a dll");
        File.WriteAllText(Path.Combine(package, "boards", "rpi4.json"), "{}");
        File.WriteAllBytes(Path.Combine(package, "empty.txt"), []);
        string archive = Path.Combine(directory, "flightsw-node-test-1.0.tar.gz");
        PackageArchive.Write(package, archive, ["flightsw-node"]);
        return archive;
    }

    /// <summary>Every entry of <paramref name="archive"/>, in order.</summary>
    public static List<Entry> Read(string archive)
    {
        var entries = new List<Entry>();
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            entries.Add(new Entry(entry.Name, entry.EntryType, entry.Mode, data.ToArray()));
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> as a .tar.gz at <paramref name="archive"/>.</summary>
    public static void Write(string archive, IEnumerable<Entry> entries)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var e in entries)
        {
            var entry = new PaxTarEntry(e.Type, e.Name) { Mode = e.Mode };
            if (e.Type == TarEntryType.RegularFile)
            {
                entry.DataStream = new MemoryStream(e.Data);
            }
            else if (e.LinkName is not null)
            {
                entry.LinkName = e.LinkName;
            }

            tar.WriteEntry(entry);
        }
    }

    /// <summary>Copies <paramref name="archive"/> to <paramref name="copy"/> with <paramref name="change"/> applied to its entries.</summary>
    public static string Rewrite(string archive, string copy, Func<List<Entry>, IEnumerable<Entry>> change)
    {
        Write(copy, change(Read(archive)).ToList());
        return copy;
    }
}
