namespace FlightSw.Campaigns.Running;

/// <summary>How a campaign runs. Defaults: one worker per core, the whole campaign, a 2 s floor on the host hang limit.</summary>
public sealed record RunnerOptions
{
    /// <summary>The default floor of the hang limit on the host clock: 2 s.</summary>
    public static readonly TimeSpan DefaultHangFloor = TimeSpan.FromSeconds(2);

    /// <summary>Parallel workers, each with its own workload instances; default the processor count.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>The slice to run; default the whole campaign.</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary>
    /// The least time a trial on the host clock may take before it is a Hang, whatever ten times
    /// its golden time is: a garbage collection or a loaded machine must not make a hang of a
    /// millisecond's inference. Default <see cref="DefaultHangFloor"/>.
    /// </summary>
    public TimeSpan HangFloor { get; init; } = DefaultHangFloor;

    /// <summary>Called about four times a second, and once at the end, from the thread that called the runner.</summary>
    public Action<CampaignProgress>? Progress { get; init; }

    /// <summary>Stops the run: finished trials are kept and the next run resumes after them.</summary>
    public CancellationToken Cancellation { get; init; }
}
