using System.CommandLine;
using System.Globalization;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Reporting;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Workloads;
using FlightSw.Edac.Golden;
using FlightSw.Hal.Boards;
using FlightSw.Inference.Models;

namespace FlightSw.Cli.Campaign;

/// <summary>
/// <c>flightsw campaign run [FILE] [options]</c>: runs a campaign (or one shard of it) into a
/// JSON Lines results file, resuming a stopped run, and prints the summary.
/// </summary>
internal static class CampaignRun
{
    /// <summary>The environment variable an Indexed Job gives each pod: its shard, from 0.</summary>
    public const string JobIndexVariable = "JOB_COMPLETION_INDEX";

    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string?>("file") { Description = "Campaign file (JSON); without it the options describe the campaign (default: the MobileNet-style model, weights, single-bit flips)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output", "-o") { Description = "Results file (JSON Lines), resumed if it holds this campaign (default: NAME.jsonl, or NAME.shard-K-of-N.jsonl)" };
        var workers = new Option<int?>("--workers", "-j") { Description = "Parallel workers (default: one per core)" };
        var shard = new Option<string?>("--shard") { Description = "Run only slice K of N (K/N, from 1/N to N/N); `flightsw campaign merge` joins the slices" };
        var shards = new Option<int?>("--shards") { Description = $"Run slice ${JobIndexVariable} + 1 of N: for a Kubernetes Indexed Job" };
        var name = new Option<string?>("--name") { Description = "Campaign name" };
        var seed = new Option<long?>("--seed") { Description = "Campaign seed" };
        var workload = new Option<string?>("--workload") { Description = "inference, ecc-region or node" };
        var model = new Option<string?>("--model") { Description = "ONNX file, or zoo:mobilenet-style" };
        var protection = new Option<string[]?>("--protection") { Description = "Protection modes compared: none, dmr, tmr, abft, abft+tmr (comma-separated or repeated)", AllowMultipleArgumentsPerToken = true };
        var sites = new Option<string[]?>("--sites") { Description = "Fault sites: weight, activation, accumulator, ecc-word, component-state", AllowMultipleArgumentsPerToken = true };
        var kind = new Option<string?>("--kind") { Description = "single-bit, adjacent, random-value or stuck-at" };
        var bits = new Option<string?>("--bits") { Description = "all, exponent, sign, mantissa, or bit numbers (30,31)" };
        var trials = new Option<int?>("--trials") { Description = "Trials per variant" };
        var margin = new Option<double?>("--margin") { Description = "Margin of error (0.01 for ±1 %): sizes the campaign with Leveugle et al.'s formula" };
        var confidence = new Option<double?>("--confidence") { Description = "Confidence for --margin (default 0.95)" };
        var command = new Command("run", "Runs a fault-injection campaign, or one shard of it, into a JSON Lines results file; a stopped run resumes where it left off.")
        {
            file, output, workers, shard, shards, name, seed, workload, model, protection, sites, kind, bits, trials, margin, confidence,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(CommandGuard.Run(env, () =>
        {
            var overrides = new CampaignOverrides
            {
                Name = parse.GetValue(name),
                Seed = parse.GetValue(seed),
                Workload = parse.GetValue(workload),
                Model = parse.GetValue(model),
                Protection = List(parse.GetValue(protection)),
                Sites = List(parse.GetValue(sites)),
                Kind = parse.GetValue(kind),
                Bits = parse.GetValue(bits),
                Trials = parse.GetValue(trials),
                Margin = parse.GetValue(margin),
                Confidence = parse.GetValue(confidence),
            };
            var slice = Slice(parse.GetValue(shard), parse.GetValue(shards), env);
            return Run(parse.GetValue(file), overrides, slice, parse.GetValue(workers), parse.GetValue(output), env, cancellation);
        })));
        return command;
    }

    public static int Run(string? file, CampaignOverrides overrides, ShardSpec shard, int? workers, string? output, CliEnvironment env, CancellationToken cancellation)
    {
        if (overrides.Trials is not null && (overrides.Margin is not null || overrides.Confidence is not null))
        {
            throw new CliException(CliExitCodes.BadInput, "give --trials N or --margin E [--confidence C], not both.");
        }

        CampaignConfig config;
        try
        {
            config = CampaignSetup.Compose(file, overrides);
        }
        catch (CampaignConfigException exception)
        {
            throw new CliException(CliExitCodes.BadInput, exception.Message);
        }

        if (workers is < 1 or > 1024)
        {
            throw new CliException(CliExitCodes.BadInput, $"--workers must be from 1 to 1024, not {workers}.");
        }

        string source = file ?? "command line";
        string path = output ?? (shard.IsWhole ? $"{config.Name}.jsonl" : $"{config.Name}.shard-{shard.Index}-of-{shard.Count}.jsonl");
        using var factory = Workload(config, source);
        // The runner is built (and its golden targets checked) before the header is printed; the
        // progress display it reports to is attached once it exists.
        Action<CampaignProgress>? display = null;
        CampaignRunner runner;
        try
        {
            runner = new CampaignRunner(config, factory, new RunnerOptions { Workers = workers ?? Environment.ProcessorCount, Shard = shard, Cancellation = cancellation, Progress = p => display?.Invoke(p) });
        }
        catch (ArgumentException exception)
        {
            throw new CliException(CliExitCodes.BadInput, $"{source}: faults: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            // A golden run the workload refuses (a node flight with detections of its own, a
            // detection window that does not fit): the campaign as configured cannot be judged.
            throw new CliException(CliExitCodes.BadInput, $"{source}: workload: {exception.Message}");
        }

        var header = runner.Header;
        long slice = shard.CountOf(header.TotalTrials);
        env.Out.WriteLine($"Campaign {config.Name}: {factory.Description}");
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {header.Variants.Count} variant(s) ({string.Join(", ", header.Variants)}) x {config.Size} = {header.TotalTrials} trials; shard {shard}: {slice}; {runner.Options.Workers} worker(s); results: {path}"));
        RunSummary summary;
        try
        {
            summary = CampaignProgressView.Show(env, config.Name, progress =>
            {
                display = progress;
                return runner.Run(path);
            });
        }
        catch (ResultsFormatException exception)
        {
            throw new CliException(CliExitCodes.BadInput, exception.Message);
        }
        catch (CampaignFailedException exception)
        {
            throw new CliException(CliExitCodes.Failed, $"the campaign tool failed on {exception.Message}; the trials before it are kept in {path}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCodes.BadInput, $"cannot write the results file {path}: {exception.Message}");
        }

        if (summary.ResumedFrom > 0)
        {
            env.Out.WriteLine($"Resumed: {summary.ResumedFrom} trial(s) were already in {path}.");
        }

        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ran {summary.RanThisRun} trial(s) in {summary.Elapsed.TotalSeconds:0.0} s ({(summary.Elapsed.TotalSeconds > 0 ? summary.RanThisRun / summary.Elapsed.TotalSeconds : 0):0.0} trials/s on {runner.Options.Workers} worker(s))."));
        if (summary.Cancelled)
        {
            env.Error.WriteLine($"{FlightswCli.Name}: stopped after {summary.Results.Trials.Count} of {slice} trials; run the same command again to resume.");
            return CliExitCodes.Interrupted;
        }

        env.Out.WriteLine();
        env.Out.Write(CampaignSummary.Markdown(summary.Results));
        env.Out.WriteLine();
        env.Out.WriteLine(shard.IsWhole
            ? $"Report: flightsw campaign report {path}"
            : $"Shard {shard} done. When every shard is: flightsw campaign merge --output {config.Name}.jsonl SHARD_FILES...");
        return CliExitCodes.Ok;
    }

    // What the workload refuses (a model it cannot load, an interleaving the region does not
    // support, an unknown board or component) is the campaign's bad input, named with its source.
    private static IWorkloadFactory Workload(CampaignConfig config, string source)
    {
        try
        {
            return WorkloadFactories.Create(config.Workload);
        }
        catch (Exception exception) when (exception is ArgumentException or ModelLoadException or InvalidDataException or UnknownBoardException or BoardDefinitionException or GoldenImageException or IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCodes.BadInput, $"{source}: workload: {exception.Message}");
        }
    }

    private static ShardSpec Slice(string? shard, int? shards, CliEnvironment env)
    {
        if (shard is not null && shards is not null)
        {
            throw new CliException(CliExitCodes.BadInput, "give --shard K/N or --shards N, not both.");
        }

        if (shard is not null)
        {
            try
            {
                return ShardSpec.Parse(shard);
            }
            catch (FormatException exception)
            {
                throw new CliException(CliExitCodes.BadInput, $"--shard: {exception.Message}");
            }
        }

        if (shards is not { } count)
        {
            return ShardSpec.Whole;
        }

        string? index = env.Variable(JobIndexVariable);
        if (count is < 1 or > ShardSpec.MaxCount)
        {
            throw new CliException(CliExitCodes.BadInput, $"--shards must be from 1 to {ShardSpec.MaxCount}, not {count}.");
        }

        if (index is null || !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int zeroBased) || zeroBased >= count)
        {
            throw new CliException(CliExitCodes.BadInput, $"--shards {count} takes the shard from ${JobIndexVariable} (0 to {count - 1}); it is {(index is null ? "not set" : $"'{index}'")}.");
        }

        return new ShardSpec(zeroBased + 1, count);
    }

    // An option not given reads as an empty list: that is "not given", not "none of them".
    private static string[]? List(string[]? values) =>
        values is null || values.Length == 0 ? null : values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
}
