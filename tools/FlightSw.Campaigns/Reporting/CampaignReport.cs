using System.Text;
using FlightSw.Campaigns.Running;

namespace FlightSw.Campaigns.Reporting;

/// <summary>
/// Writes a campaign's report (<c>flightsw campaign report</c>): a self-contained HTML page, the
/// plots it embeds as PNG files, and the Markdown summary for pull requests.
/// </summary>
public static class CampaignReport
{
    /// <summary>The page's file name.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>The summary's file name.</summary>
    public const string MarkdownFileName = "summary.md";

    /// <summary>
    /// Writes <c>report.html</c>, <c>summary.md</c>, <c>outcomes.png</c>, <c>sdc-by-bit.png</c> and
    /// <c>sdc-by-target.png</c> into <paramref name="outputDirectory"/> (created if missing),
    /// replacing files of those names. Partial results (a shard, a stopped run) are reported over
    /// the trials present and marked so at the top. The page and the summary are the same bytes
    /// for the same results; the PNGs may differ by renderer.
    /// </summary>
    /// <exception cref="IOException">The directory or a file cannot be written.</exception>
    public static ReportFiles Write(CampaignResults results, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var data = ReportData.Of(results);
        var plots = ReportPlots.Render(data);
        var pngs = new List<string>();
        foreach (var plot in plots)
        {
            string path = Path.Combine(outputDirectory, plot.FileName);
            File.WriteAllBytes(path, plot.Png);
            pngs.Add(path);
        }

        string html = Path.Combine(outputDirectory, HtmlFileName);
        File.WriteAllText(html, HtmlReport.Render(data, plots, PlotFonts.Family is not null), Utf8);
        string markdown = Path.Combine(outputDirectory, MarkdownFileName);
        File.WriteAllText(markdown, CampaignSummary.Markdown(data), Utf8);
        return new ReportFiles(html, markdown, pngs);
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
