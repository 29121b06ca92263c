using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// Runs a campaign, or one shard of it, into a results file: trials not yet in the file are
/// spread over parallel workers, each with its own workload instances; every result is appended
/// as it finishes, so a stopped run loses nothing and the next run resumes after the finished
/// trials; a complete slice is rewritten in trial order, so the file holds exactly the same
/// bytes however many workers ran, in whatever order, and however often it was resumed.
/// </summary>
/// <remarks>
/// Trial numbers are variant-major: variant v holds trials v·n to v·n + n − 1, and a trial's
/// fault and input come from the campaign seed and its number within the variant only
/// (<see cref="FaultPlanner"/>). Hangs: workloads on virtual time judge them; for workloads on
/// the host, a trial that has not answered within ten times its golden time (and at least
/// <see cref="RunnerOptions.HangFloor"/>) is recorded as Hang and its worker replaced.
/// </remarks>
public sealed class CampaignRunner
{
    private readonly FaultPlanner[] _planners;

    /// <summary>Prepares <paramref name="config"/> on <paramref name="workload"/>.</summary>
    /// <exception cref="ArgumentException">A configured fault site has no target in a variant, or the options are out of range.</exception>
    public CampaignRunner(CampaignConfig config, IWorkloadFactory workload, RunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workload);
        Options = options ?? new RunnerOptions();
        if (Options.Workers is < 1 or > 1024)
        {
            throw new ArgumentException($"Workers must be from 1 to 1024, not {Options.Workers}.", nameof(options));
        }

        Config = config;
        Workload = workload;
        Header = CampaignHeaders.For(config, workload, Options.Shard);
        _planners = [.. workload.Variants.Select(variant => new FaultPlanner(config.Faults, config.Seed, workload.InputCount, workload.TargetsOf(variant), variant, workload.RunsOnVirtualTime))];
    }

    /// <summary>The campaign.</summary>
    public CampaignConfig Config { get; }

    /// <summary>The workload.</summary>
    public IWorkloadFactory Workload { get; }

    /// <summary>How it runs.</summary>
    public RunnerOptions Options { get; }

    /// <summary>The header its results file carries.</summary>
    public CampaignHeader Header { get; }

    /// <summary>Runs the slice's unfinished trials into <paramref name="resultsPath"/> (created, or resumed when it holds this slice of this campaign).</summary>
    /// <exception cref="ResultsFormatException">The file exists but is malformed or holds another campaign or slice.</exception>
    /// <exception cref="CampaignFailedException">The campaign tool itself failed on a trial (not the workload under test).</exception>
    public RunSummary Run(string resultsPath)
    {
        ArgumentNullException.ThrowIfNull(resultsPath);
        using var exclusive = ResultsLock.Take(resultsPath);
        var existing = Resume(resultsPath);
        var done = existing.Select(t => t.Trial).ToHashSet();
        var pending = new List<long>();
        for (long trial = Header.Shard.Index - 1; trial < Header.TotalTrials; trial += Header.Shard.Count)
        {
            if (!done.Contains(trial))
            {
                pending.Add(trial);
            }
        }

        List<TrialResult> all;
        TimeSpan elapsed;
        using (var sink = new ResultSink(resultsPath, existing))
        {
            var pool = new TrialPool(this, pending, sink, existing.Count, Header.Shard.CountOf(Header.TotalTrials));
            elapsed = pool.Execute();
            all = sink.Snapshot();
        }

        var results = new CampaignResults(Header, [.. all.OrderBy(t => t.Trial)]);
        if (results.IsComplete)
        {
            ResultsFile.Write(resultsPath, results);
        }

        return new RunSummary(results, all.Count - existing.Count, existing.Count, elapsed, !results.IsComplete);
    }

    /// <summary>The variant, input and fault of trial <paramref name="trial"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The campaign has no such trial.</exception>
    public (string Variant, long VariantTrial, PlannedTrial Planned) Plan(long trial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trial);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trial, Header.TotalTrials);
        int variant = (int)(trial / Header.TrialsPerVariant);
        long variantTrial = trial % Header.TrialsPerVariant;
        return (Header.Variants[variant], variantTrial, _planners[variant].Plan(variantTrial));
    }

    /// <summary>Runs trial <paramref name="trial"/> on <paramref name="workload"/> (an instance of its variant) and records what happened.</summary>
    public TrialResult RunTrial(long trial, IWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var (variant, variantTrial, planned) = Plan(trial);
        var verdict = workload.Run(planned.Input, planned.Fault);
        return new TrialResult(trial, variant, variantTrial, planned.Input, planned.Fault, verdict.Outcome, verdict.Detail);
    }

    private List<TrialResult> Resume(string path)
    {
        if (!File.Exists(path))
        {
            ResultsFile.Write(path, new CampaignResults(Header, []));
            return [];
        }

        var found = ResultsFile.Read(path, out _);
        if (CampaignHeaders.Mismatch(Header, found.Header) is { } why)
        {
            throw new ResultsFormatException(path, 1, $"cannot resume: {why}. Give another results file, or delete this one to start over.");
        }

        // Rewritten in order first, so a line cut short by the stop is gone before new lines follow it.
        ResultsFile.Write(path, found);
        return [.. found.Trials];
    }
}
