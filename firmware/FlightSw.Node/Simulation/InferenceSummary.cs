using FlightSw.Core.Application;
using FlightSw.Inference.Job;

namespace FlightSw.Node.Simulation;

/// <summary>What the inference job did, summed over boots; every figure counts inferences (deferrals: waits for power).</summary>
/// <param name="Runs">Inferences run, whatever their outcome.</param>
/// <param name="Unanimous">Inferences whose replicas and checks all agreed at once.</param>
/// <param name="Masked">Inferences in which the vote masked a faulty replica.</param>
/// <param name="Recomputed">Inferences recomputed after a detected fault.</param>
/// <param name="Failed">Inferences whose output could not be trusted.</param>
/// <param name="Deferred">Times a due inference had to wait for power.</param>
public sealed record InferenceSummary(long Runs, long Unanimous, long Masked, long Recomputed, long Failed, long Deferred)
{
    /// <summary>Nothing run yet.</summary>
    public static InferenceSummary Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>The counters of <paramref name="app"/>'s inference job this boot; null when it has none.</summary>
    public static InferenceSummary? Of(FlightApplication? app) =>
        app?.FindComponent(InferenceJob.ComponentName) is InferenceJob job
            ? new InferenceSummary(job.Runs, job.Unanimous, job.Masked, job.Recomputed, job.Failed, job.Deferred)
            : null;

    /// <summary>The sum of this and <paramref name="other"/>.</summary>
    public InferenceSummary Plus(InferenceSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new InferenceSummary(
            Runs + other.Runs,
            Unanimous + other.Unanimous,
            Masked + other.Masked,
            Recomputed + other.Recomputed,
            Failed + other.Failed,
            Deferred + other.Deferred);
    }
}
