namespace FlightSw.Campaigns.Reporting;

/// <summary>A rendered plot: its file name, a description (the image's alt text) and its PNG bytes.</summary>
internal sealed record ReportPlot(string FileName, string Description, byte[] Png);
