using System.Text;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Reporting;

/// <summary>The report page: self-contained (plots as data URIs, inline style, no script or link), every text from the results escaped.</summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1200px; padding: 0 1em; color: #1a1a1a; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-bottom: 0.3em; }
        .partial { background: #fff3cd; border: 1px solid #e0b000; padding: 0.6em 1em; font-weight: bold; }
        .note { background: #f8d7da; border: 1px solid #d9534f; padding: 0.6em 1em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        .variants { display: flex; flex-wrap: wrap; gap: 1.5em; }
        img { max-width: 100%; height: auto; border: 1px solid #eee; }
        pre { background: #f6f8fa; padding: 1em; overflow-x: auto; }
        code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; }
        """;

    public static string Render(ReportData data, IReadOnlyList<ReportPlot> plots, bool fontFound)
    {
        var header = data.Header;
        var html = new Html();
        html.Line("<!DOCTYPE html>");
        html.Line("<html lang=\"en\">");
        html.Line("<head>");
        html.Line("<meta charset=\"utf-8\">");
        html.Line($"<title>Campaign {E(header.Name)}</title>");
        html.Line("<style>");
        html.Line(Style);
        html.Line("</style>");
        html.Line("</head>");
        html.Line("<body>");
        if (data.PartialNote is not null)
        {
            html.Line($"<p class=\"partial\">{E(data.PartialNote)}</p>");
        }

        html.Line($"<h1>Fault-injection campaign {E(header.Name)}</h1>");
        Facts(html, data);
        if (!fontFound)
        {
            html.Line("<p class=\"note\">The plots have no text: no font was found on the machine that wrote this report (install one, e.g. fonts-dejavu-core). The tables hold every figure.</p>");
        }

        html.Line("<h2>Outcomes per variant</h2>");
        Image(html, plots[0]);
        html.Line("<div class=\"variants\">");
        foreach (var variant in data.Variants)
        {
            html.Line("<table>");
            html.Line($"<caption>{E(variant.Key)}: {RateText.Count(variant.Trials)} trials</caption>");
            html.Line("<thead><tr><th>Outcome</th><th>Trials</th><th>Rate [95 % Wilson interval]</th></tr></thead>");
            html.Line("<tbody>");
            foreach (var outcome in TrialOutcomes.All)
            {
                html.Line($"<tr><td>{E(TrialOutcomes.Label(outcome))}</td><td class=\"n\">{RateText.Count(variant.Count(outcome))}</td><td class=\"n\">{RateText.WithInterval(variant.Rate(outcome))}</td></tr>");
            }

            html.Line("</tbody>");
            html.Line("</table>");
        }

        html.Line("</div>");

        html.Line("<h2>SDC rate by bit class</h2>");
        Image(html, plots[1]);
        html.Line("<p>Each cell: SDC trials of the variant's trials whose fault hit that class (by the most significant bit it touches), the rate and its 95 % Wilson interval.</p>");
        GroupTable(html, "Bit class", data.ByBitClass, [.. Enumerable.Range(0, data.ByBitClass.Groups.Count)], withTotal: false);

        html.Line("<h2>SDC rate by target</h2>");
        Image(html, plots[2]);
        html.Line(FormattableString.Invariant($"<h3>The {ReportData.TopTargetCount} targets with the most SDCs</h3>"));
        if (data.TopSdcTargets.Count == 0)
        {
            html.Line("<p>No trial ended in SDC.</p>");
        }
        else
        {
            html.Line("<p>Layers or regions (an inference layer pools its replicas; each weight region of a node is its own target); most SDCs over all variants first. Each variant's cell: SDC trials of its trials in the target, the rate and its 95 % Wilson interval.</p>");
            GroupTable(html, "Target", data.ByTarget, data.TopSdcTargets, withTotal: true);
        }

        Examples(html, data);

        html.Line("<h2>Configuration</h2>");
        html.Line($"<p>SHA-256 <code>{E(header.ConfigSha256)}</code></p>");
        html.Line($"<pre>{E(PrettyJson.Of(header.ConfigJson))}</pre>");
        html.Line("</body>");
        html.Line("</html>");
        return html.ToString();
    }

    private static void Facts(Html html, ReportData data)
    {
        var header = data.Header;
        html.Line("<table>");
        Fact(html, "Software", E(header.Software));
        Fact(html, "Workload", E(header.Workload));
        Fact(html, "Variants", E(string.Join(", ", data.Variants.Select(v => v.Key))));
        Fact(html, "Trials per variant", RateText.Count(header.TrialsPerVariant));
        Fact(html, "Shard", E(header.Shard.IsWhole ? "1/1 (the whole campaign)" : header.Shard.ToString()));
        Fact(html, "Trials in this report", FormattableString.Invariant($"{data.Trials.Count} of {header.TotalTrials}"));
        Fact(html, "Configuration SHA-256", $"<code>{E(header.ConfigSha256)}</code>");
        html.Line("</table>");
    }

    private static void Fact(Html html, string name, string valueHtml) => html.Line($"<tr><th>{name}</th><td>{valueHtml}</td></tr>");

    private static void GroupTable(Html html, string groupName, GroupedTallies tallies, IReadOnlyList<int> groups, bool withTotal)
    {
        html.Line("<table>");
        html.Line($"<thead><tr><th>{groupName}</th>{(withTotal ? "<th>SDC (all variants)</th>" : "")}{string.Concat(tallies.Variants.Select(v => $"<th>{E(v)}</th>"))}</tr></thead>");
        html.Line("<tbody>");
        foreach (int g in groups)
        {
            var row = new StringBuilder($"<tr><td>{E(tallies.Groups[g])}</td>");
            if (withTotal)
            {
                row.Append($"<td class=\"n\">{RateText.Count(tallies.Total(g, TrialOutcome.Sdc))}</td>");
            }

            for (int v = 0; v < tallies.Variants.Count; v++)
            {
                var cell = tallies.Cell(v, g);
                row.Append(cell.Trials == 0
                    ? "<td class=\"n\">no trials</td>"
                    : $"<td class=\"n\">{RateText.Count(cell.Count(TrialOutcome.Sdc))} of {RateText.Count(cell.Trials)}: {RateText.WithInterval(cell.Rate(TrialOutcome.Sdc))}</td>");
            }

            html.Line(row.Append("</tr>").ToString());
        }

        html.Line("</tbody>");
        html.Line("</table>");
    }

    private static void Examples(Html html, ReportData data)
    {
        var examples = data.Variants
            .SelectMany(v => data.Trials.Where(t => t.Outcome == TrialOutcome.Sdc && t.Variant == v.Key).Take(ReportData.ExampleCount))
            .ToList();
        if (examples.Count == 0)
        {
            return;
        }

        html.Line("<h2>SDC trials</h2>");
        html.Line(FormattableString.Invariant($"<p>The first {ReportData.ExampleCount} of each variant, by trial number.</p>"));
        html.Line("<table>");
        html.Line("<thead><tr><th>Trial</th><th>Variant</th><th>Input</th><th>Fault</th><th>Detail</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var trial in examples)
        {
            html.Line($"<tr><td class=\"n\">{RateText.Count(trial.Trial)}</td><td>{E(trial.Variant)}</td><td class=\"n\">{RateText.Count(trial.Input)}</td><td>{E(FaultText.Of(trial.Fault))}</td><td>{E(trial.Detail)}</td></tr>");
        }

        html.Line("</tbody>");
        html.Line("</table>");
    }

    private static void Image(Html html, ReportPlot plot) =>
        html.Line($"<p><img alt=\"{E(plot.Description)}\" src=\"data:image/png;base64,{Convert.ToBase64String(plot.Png)}\"></p>");

    private static string E(string text) => HtmlText.Escape(text);

    /// <summary>Lines joined with '\n' (not the platform's newline): the same bytes on every machine.</summary>
    private sealed class Html
    {
        private readonly StringBuilder text = new();

        public void Line(string line) => text.Append(line).Append('\n');

        public override string ToString() => text.ToString();
    }
}
