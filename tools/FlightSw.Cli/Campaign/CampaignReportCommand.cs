using System.CommandLine;
using FlightSw.Campaigns.Reporting;
using FlightSw.Campaigns.Running;

namespace FlightSw.Cli.Campaign;

/// <summary><c>flightsw campaign report RESULTS [--output DIR]</c>: the HTML report, its PNG plots and a Markdown summary.</summary>
internal static class CampaignReportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string>("results") { Description = "A results file (a whole campaign, a merge, or a shard: partial results are marked)" };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for report.html, summary.md and the PNG plots (default: RESULTS without .jsonl, plus -report)" };
        var command = new Command("report", "Writes a self-contained HTML report with PNG plots (outcome rates with Wilson 95 % intervals per variant, SDC by bit field and by layer or region) and a Markdown summary.")
        {
            file, output,
        };
        command.SetAction(parse => CommandGuard.Run(env, () => Run(parse.GetValue(file)!, parse.GetValue(output), env)));
        return command;
    }

    public static int Run(string path, string? output, CliEnvironment env)
    {
        CampaignResults results;
        bool partialLine;
        try
        {
            results = ResultsFile.Read(path, out partialLine);
        }
        catch (ResultsFormatException exception)
        {
            throw new CliException(CliExitCodes.BadInput, exception.Message);
        }

        if (partialLine)
        {
            env.Error.WriteLine($"{FlightswCli.Name}: warning: the last line of {path} was cut short (a run still writing, or stopped); it is left out.");
        }

        string directory = output ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $"{Path.GetFileNameWithoutExtension(path)}-report");
        ReportFiles files;
        try
        {
            files = CampaignReport.Write(results, directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCodes.BadInput, $"cannot write the report into {directory}: {exception.Message}");
        }

        env.Out.Write(CampaignSummary.Markdown(results));
        env.Out.WriteLine();
        env.Out.WriteLine($"Report: {files.Html}");
        env.Out.WriteLine($"Summary: {files.Markdown}");
        env.Out.WriteLine($"Plots: {string.Join(", ", files.Pngs)}");
        return CliExitCodes.Ok;
    }
}
