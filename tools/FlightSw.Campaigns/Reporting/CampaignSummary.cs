using System.Text;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Reporting;

/// <summary>A campaign's results as a short Markdown summary for pull requests (what <c>summary.md</c> holds).</summary>
public static class CampaignSummary
{
    /// <summary>Outcome columns after the SDC rate, in the order a reviewer weighs them.</summary>
    private static readonly TrialOutcome[] Columns = [TrialOutcome.Due, TrialOutcome.DetectedRecovered, TrialOutcome.Corrected, TrialOutcome.Masked, TrialOutcome.Crash, TrialOutcome.Hang];

    /// <summary>
    /// A "partial: X of Y trials" line first when the results are not the whole campaign, the
    /// campaign and workload, a table (variant, trials, SDC rate with its 95 % Wilson interval,
    /// then every other outcome's count and rate), and a line with the configuration's SHA-256 and
    /// the software version. The same results give the same text.
    /// </summary>
    public static string Markdown(CampaignResults results) => Markdown(ReportData.Of(results));

    internal static string Markdown(ReportData data)
    {
        var header = data.Header;
        var text = new StringBuilder();
        if (data.PartialNote is not null)
        {
            int cut = data.PartialNote.IndexOf(" (", StringComparison.Ordinal);
            Line(text, $"> **{data.PartialNote[..cut]}**{data.PartialNote[cut..]}");
            Line(text, "");
        }

        Line(text, $"**Fault-injection campaign {Cell(header.Name)}**: {Cell(header.Workload)}; "
            + FormattableString.Invariant($"{header.TrialsPerVariant} trials per variant, ")
            + (header.Shard.IsWhole ? "whole campaign" : $"shard {header.Shard}"));
        Line(text, "");
        Line(text, "| Variant | Trials | SDC rate [95 % Wilson interval] | " + string.Join(" | ", Columns.Select(TrialOutcomes.Label)) + " |");
        Line(text, "|:--|--:|:--|" + string.Concat(Columns.Select(_ => "--:|")));
        foreach (var variant in data.Variants)
        {
            var cells = new List<string> { Cell(variant.Key), RateText.Count(variant.Trials), RateText.WithInterval(variant.Rate(TrialOutcome.Sdc)) };
            cells.AddRange(Columns.Select(o => RateText.CountAndRate(variant.Count(o), variant.Rate(o))));
            Line(text, "| " + string.Join(" | ", cells) + " |");
        }

        Line(text, "");
        Line(text, $"Config sha256 `{header.ConfigSha256.Replace('`', '\'')}` · software {Cell(header.Software)}");
        return text.ToString();
    }

    /// <summary>Text safe inside a table cell: one line, and every character Markdown or HTML would act on escaped.</summary>
    private static string Cell(string text)
    {
        var cell = new StringBuilder(text.Length);
        foreach (char c in text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' '))
        {
            if (c is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '~')
            {
                cell.Append('\\');
            }

            cell.Append(c);
        }

        return cell.ToString();
    }

    // '\n' rather than Environment.NewLine: the same bytes on every machine.
    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
