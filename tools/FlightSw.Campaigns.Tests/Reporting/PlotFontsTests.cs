using FlightSw.Campaigns.Reporting;
using SkiaSharp;

namespace FlightSw.Campaigns.Tests.Reporting;

public class PlotFontsTests
{
    [Test]
    public void Choose_SerifListedFirst_PrefersInstalledSans()
    {
        Assert.That(PlotFonts.Choose(["DejaVu Math TeX Gyre", "DejaVu Serif", "DejaVu Sans", "DejaVu Sans Mono"]), Is.EqualTo("DejaVu Sans"));
    }

    [Test]
    public void Choose_NoPreferredFamily_AnySansThenAnyFamily()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlotFonts.Choose(["Zapf Serif", "Odd Sans Mono", "Odd Sans"]), Is.EqualTo("Odd Sans"));
            Assert.That(PlotFonts.Choose(["Zapf Serif", "Book Antiqua"]), Is.EqualTo("Book Antiqua"));
            Assert.That(PlotFonts.Choose(["", " "]), Is.Null);
            Assert.That(PlotFonts.Choose([]), Is.Null);
        });
    }

    [Test]
    public void Files_FontDirectory_RegularSansFacesFirst()
    {
        string directory = Path.Combine(Path.GetTempPath(), "flightsw-fonts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "sub"));
        try
        {
            foreach (string name in new[] { "Serif.ttf", "Sans-Bold.ttf", "sub/Sans.otf", "readme.txt" })
            {
                File.WriteAllText(Path.Combine(directory, name), "");
            }

            var files = PlotFonts.Files([directory, Path.Combine(directory, "missing")]).Select(Path.GetFileName).ToList();

            Assert.That(files, Is.EqualTo(new[] { "Sans.otf", "Serif.ttf", "Sans-Bold.ttf" }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Family_MachineWithFonts_IsAnInstalledFamily()
    {
        Assume.That(SKFontManager.Default.FontFamilies, Has.Some.Not.Empty, "Skia finds no font family here (PlotFonts then loads a font file, if any)");

        Assert.That(SKFontManager.Default.FontFamilies, Does.Contain(PlotFonts.Family));
    }
}
