using System.CommandLine;
using FlightSw.Campaigns.Reporting;
using FlightSw.Campaigns.Running;

namespace FlightSw.Cli.Campaign;

/// <summary><c>flightsw campaign merge --output FILE SHARD...</c>: joins every shard's results into the whole campaign's.</summary>
internal static class CampaignMergeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var files = new Argument<string[]>("shards") { Description = "The results file of every shard", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The merged results file", Required = true };
        var command = new Command("merge", "Joins the results of every shard of a campaign into one results file, identical to what one unsharded run writes.")
        {
            files, output,
        };
        command.SetAction(parse => CommandGuard.Run(env, () => Run(parse.GetValue(files)!, parse.GetValue(output)!, env)));
        return command;
    }

    public static int Run(IReadOnlyList<string> shards, string output, CliEnvironment env)
    {
        if (shards.Any(s => Path.GetFullPath(s) == Path.GetFullPath(output)))
        {
            throw new CliException(CliExitCodes.BadInput, $"--output {output} is one of the shards; write the merge to a new file.");
        }

        CampaignResults merged;
        try
        {
            merged = CampaignMerge.Merge(shards);
        }
        catch (ResultsFormatException exception)
        {
            throw new CliException(CliExitCodes.BadInput, exception.Message);
        }

        try
        {
            ResultsFile.Write(output, merged);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCodes.BadInput, $"cannot write {output}: {exception.Message}");
        }

        env.Out.WriteLine($"Merged {shards.Count} shard(s), {merged.Trials.Count} trials, into {output}.");
        env.Out.WriteLine();
        env.Out.Write(CampaignSummary.Markdown(merged));
        return CliExitCodes.Ok;
    }
}
