using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Workloads;

/// <summary>
/// One worker's instance of a workload and variant. Not thread-safe. Each trial starts from the
/// fault-free state: whatever a trial's fault left behind is restored before the next.
/// </summary>
public interface IWorkload : IDisposable
{
    /// <summary>
    /// How long the fault-free run of <paramref name="input"/> took on the host clock, for the
    /// runner's hang watch (unused by workloads on virtual time, which judge hangs themselves).
    /// </summary>
    TimeSpan GoldenTime(int input);

    /// <summary>Runs <paramref name="input"/> with <paramref name="fault"/> injected and classifies the outcome against the golden answer.</summary>
    /// <remarks>Exceptions the workload under test throws are the trial's Crash and are caught here; an exception from this method is a campaign tool failure.</remarks>
    TrialVerdict Run(int input, PlannedFault fault);
}
