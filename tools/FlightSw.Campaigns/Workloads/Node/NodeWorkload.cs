using System.Globalization;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Core.Application;
using FlightSw.Core.Commands;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// One worker's node workload of one variant. Each trial flies a fresh node with the golden
/// flight's seed and classifies it with <see cref="NodeTrialClassifier"/>. All on virtual time.
/// </summary>
/// <remarks>
/// <para>How long a trial flies (so that its outcome does not depend on when the fault struck):</para>
/// <list type="number">
/// <item>until the fault's time, <see cref="PlannedFault.At"/> of the golden time (a fault due before
/// the first boot, or while the node is resetting, strikes as soon as software runs); it is injected;</item>
/// <item>until the golden number of answers came;</item>
/// <item>then on until the injection time plus the node's detection window
/// (<see cref="NodeDetectionWindow"/>: the health monitor's ladder, the board's watchdog timeout and
/// the longest boot, all derived from the booted image and the board), so that a fault struck just
/// before the last answer is judged after the same detections as one struck at the start;</item>
/// <item>for an ecc-word fault, the hit region is then scrubbed on demand as the ground would ask
/// (<c>SCRUB_REGION</c>, served by the scrubber at its next cycle, well before the patrol, whose
/// period is minutes, would get there): a latent single-bit error is corrected, an uncorrectable
/// word goes to the region's recovery, as they would when the patrol passes; then one scheduler
/// tick more, for a reset the scrub asked for to happen;</item>
/// <item>never past ten times the golden time (<see cref="HangFactor"/>): whatever has not happened by
/// then is not seen.</item>
/// </list>
/// <para>The counters and events are then taken, and every region's stored data is compared,
/// as a consumer would read it through the code's correction, with the golden flight's
/// (<see cref="NodeStoredData"/>). A trial holds no state beyond its own flight and reads no host
/// clock, so the same fault gives the same verdict and detail on any worker.</para>
/// </remarks>
internal sealed class NodeWorkload : IWorkload
{
    /// <summary>How many golden times a trial may fly before its missing answers are a hang.</summary>
    public const int HangFactor = 10;

    /// <summary>The scrubber's command that scrubs one region ahead of the patrol.</summary>
    public const string ScrubCommand = "SCRUB_REGION";

    /// <summary>The scrubber's event when that scrub is done.</summary>
    public const string ScrubDoneEvent = "SCRUB_REGION_DONE";

    private readonly NodeVariant _variant;

    public NodeWorkload(NodeVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        _variant = variant;
    }

    /// <inheritdoc />
    /// <remarks>The golden run's virtual time (of its last answer); the runner does not watch it, as the workload runs on virtual time.</remarks>
    public TimeSpan GoldenTime(int input) => _variant.Golden.Time;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The fault is not an ecc-word or component-state fault.</exception>
    /// <exception cref="InvalidOperationException">The running boot has no such region or component, or the scrubber refused to scrub the hit region.</exception>
    public TrialVerdict Run(int input, PlannedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNotEqual(input, 0);
        if (fault.Site is not (FaultSiteKind.EccWord or FaultSiteKind.ComponentState))
        {
            throw new ArgumentException($"The node workload injects ecc-word and component-state faults, not {fault}.", nameof(fault));
        }

        var golden = _variant.Golden;
        var limit = golden.Time * HangFactor;
        using var flight = _variant.Fly();
        string injected = "no injection (no boot ran)";
        FlightApplication? scrubbed = null;
        if (flight.FlyUntil(golden.Time * Math.Clamp(fault.At, 0, 1)) && (flight.Application is { IsRunning: true } || flight.FlyUntilRunning(limit)))
        {
            var at = flight.Now;
            injected = string.Create(CultureInfo.InvariantCulture, $"{NodeInjector.Inject(flight.Application!, fault)} at {at.TotalSeconds:0.#} s");
            flight.FlyUntilAnswers(golden.Answers.Count, limit);
            flight.FlyUntil(Earliest(limit, at + golden.Window.Total));
            if (fault.Site == FaultSiteKind.EccWord)
            {
                scrubbed = ScrubHitRegion(flight, fault.Target, golden.Window, limit);
            }
        }

        // Once the running boot's scrubber has checked every word of the hit region, what is left
        // is clean or was handed to recovery: comparing it as stored is enough. Otherwise the
        // oracle reads it through the correction itself.
        string? hitRegion = fault.Site == FaultSiteKind.EccWord && !ReferenceEquals(scrubbed, flight.Application) ? fault.Target : null;
        var seen = NodeTrialObservation.Of(flight, injected, limit, golden.StoredData, hitRegion);
        return NodeTrialClassifier.Classify(seen, golden.Answers.Count, golden.BySample);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Every trial's node is disposed with its flight.
    }

    /// <summary>Has the running boot's scrubber scrub <paramref name="region"/> now, and flies until it is done and what it asked for has happened; returns the boot whose scrub completed, or null.</summary>
    private static FlightApplication? ScrubHitRegion(NodeFlight flight, string region, NodeDetectionWindow window, TimeSpan limit)
    {
        if (flight.Escaped is not null || flight.Now >= limit || (flight.Application is not { IsRunning: true } && !flight.FlyUntilRunning(limit)))
        {
            return null;
        }

        var app = flight.Application!;
        int done = flight.CountOf(ScrubDoneEvent);
        var response = app.Commands.Execute(CommandRequest.Of(ScrubCommand, region));
        if (!response.Succeeded)
        {
            throw new InvalidOperationException($"The scrubber refused {ScrubCommand} {region} ({response.Status}: {response.Message}); the node workload cannot check the hit region.");
        }

        // Served at the scrubber's next cycle; bounded, for a scrubber that no longer runs.
        bool completed = flight.FlyUntil(() => flight.CountOf(ScrubDoneEvent) > done, Earliest(limit, flight.Now + window.Total));
        flight.FlyUntil(Earliest(limit, flight.Now + window.BasePeriod));

        // A reset the scrub asked for must have brought the node back before it is judged.
        if (flight.Application is not { IsRunning: true })
        {
            flight.FlyUntilRunning(limit);
        }

        return completed ? app : null;
    }

    private static TimeSpan Earliest(TimeSpan first, TimeSpan second) => first < second ? first : second;
}
