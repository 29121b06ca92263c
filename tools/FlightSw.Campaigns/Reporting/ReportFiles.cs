namespace FlightSw.Campaigns.Reporting;

/// <summary>What <see cref="CampaignReport.Write"/> wrote.</summary>
/// <param name="Html">The self-contained page (<c>report.html</c>).</param>
/// <param name="Markdown">The pull-request summary (<c>summary.md</c>).</param>
/// <param name="Pngs">The plots, also embedded in the page: <c>outcomes.png</c>, <c>sdc-by-bit.png</c>, <c>sdc-by-target.png</c>.</param>
public sealed record ReportFiles(string Html, string Markdown, IReadOnlyList<string> Pngs);
