using ScottPlot;
using SkiaSharp;

namespace FlightSw.Campaigns.Reporting;

/// <summary>
/// The font the plots draw text with. ScottPlot takes Skia's default typeface, which may be a
/// serif, or nothing on a board image without fontconfig; so pick an installed sans family, else
/// load a font file directly, else report that labels cannot be drawn.
/// </summary>
internal static class PlotFonts
{
    /// <summary>The family name a font loaded from a file is registered under.</summary>
    public const string FileFamily = "FlightSw Report Sans";

    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica", "FreeSans", "Roboto", "Ubuntu", "Cantarell"];

    private static readonly Lazy<string?> Resolved = new(Resolve);

    /// <summary>The family to draw with, or null when this machine has no usable font.</summary>
    public static string? Family => Resolved.Value;

    /// <summary>A preferred sans family if installed, else any sans, else any family; null for none.</summary>
    public static string? Choose(IEnumerable<string> installedFamilies)
    {
        var names = installedFamilies.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (string preferred in Preferred)
        {
            string? hit = names.Find(n => string.Equals(n, preferred, StringComparison.OrdinalIgnoreCase));
            if (hit is not null)
            {
                return hit;
            }
        }

        return names.Find(n => n.Contains("Sans", StringComparison.OrdinalIgnoreCase) && !n.Contains("Mono", StringComparison.OrdinalIgnoreCase))
            ?? names.FirstOrDefault();
    }

    /// <summary>Font files under <paramref name="directories"/>, regular sans faces first, each list ordinal.</summary>
    public static IReadOnlyList<string> Files(IEnumerable<string> directories)
    {
        var files = new List<string>();
        foreach (string directory in directories.Where(Directory.Exists))
        {
            try
            {
                files.AddRange(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable font directory is not the report's problem: try the next.
            }
        }

        return [.. files.OrderBy(FileRank).ThenBy(f => f, StringComparer.Ordinal)];
    }

    private static int FileRank(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        bool styled = name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Italic", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Oblique", StringComparison.OrdinalIgnoreCase) || name.Contains("Mono", StringComparison.OrdinalIgnoreCase);
        bool sans = name.Contains("Sans", StringComparison.OrdinalIgnoreCase);
        return (styled ? 2 : 0) + (sans ? 0 : 1);
    }

    private static string? Resolve()
    {
        string? family = Choose(SKFontManager.Default.FontFamilies);
        if (family is not null)
        {
            using var typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface is not null)
            {
                return family;
            }
        }

        foreach (string file in Files(FontDirectories()))
        {
            using var typeface = SKTypeface.FromFile(file);
            if (typeface is not null)
            {
                Fonts.AddFontFile(FileFamily, file);
                return FileFamily;
            }
        }

        return null;
    }

    private static IEnumerable<string> FontDirectories()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] directories = ["/usr/share/fonts", "/usr/local/share/fonts", "/System/Library/Fonts", "/Library/Fonts", Environment.GetFolderPath(Environment.SpecialFolder.Fonts)];
        string[] personal = home.Length == 0 ? [] : [Path.Combine(home, ".fonts"), Path.Combine(home, ".local", "share", "fonts")];
        return directories.Concat(personal).Where(d => d.Length > 0);
    }
}
