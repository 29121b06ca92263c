using System.Globalization;
using FlightSw.Core.Application;
using FlightSw.Core.Health;
using FlightSw.Core.Scheduling;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// How long after a fault strikes the node's own detection may take to act on it, derived from
/// the booted image and the board rather than assumed: the health monitor's recovery ladder (each
/// rung is a missed heartbeat deadline, noticed within two health cycles: one for the ping to go
/// out, one for the check after the deadline; one rung per allowed restart, plus the rung that
/// resets or disables), then the hardware watchdog for a fault that stops the monitor itself, then
/// the longest boot (delay plus jitter) for the node to come back after a reset.
/// </summary>
/// <param name="HealthPeriod">The health monitor's cycle (the 1 Hz rate group's period).</param>
/// <param name="HealthDeadline">The longest heartbeat deadline of a watched component (two cycles of its slowest rate group, at least two health cycles).</param>
/// <param name="LadderRungs">HEALTH_RESTARTS_MAX + 1: the restarts allowed, then the reset or disable.</param>
/// <param name="WatchdogTimeout">The board's hardware watchdog timeout.</param>
/// <param name="LongestBoot">The simulated hardware's boot delay plus its largest jitter.</param>
/// <param name="BasePeriod">The scheduler's base tick: after it, a reset asked for in a cycle has happened.</param>
internal sealed record NodeDetectionWindow(TimeSpan HealthPeriod, TimeSpan HealthDeadline, int LadderRungs, TimeSpan WatchdogTimeout, TimeSpan LongestBoot, TimeSpan BasePeriod)
{
    /// <summary>The parameter that sets how many restarts the ladder allows.</summary>
    public const string RestartsMaxParameter = "HEALTH_RESTARTS_MAX";

    /// <summary>LadderRungs x (HealthDeadline + 2 x HealthPeriod) + WatchdogTimeout + LongestBoot.</summary>
    public TimeSpan Total => (LadderRungs * (HealthDeadline + (2 * HealthPeriod))) + WatchdogTimeout + LongestBoot;

    /// <summary>The window of <paramref name="app"/>'s boot: its scheduler, components, health parameters and board watchdog.</summary>
    /// <exception cref="InvalidOperationException">HEALTH_RESTARTS_MAX is missing or not a whole number.</exception>
    public static NodeDetectionWindow Of(FlightApplication app, TimeSpan longestBoot)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scheduler = app.Scheduler.Options;
        var healthPeriod = scheduler.Period(RateGroupId.Rate1Hz);
        var deadline = TimeSpan.FromTicks(2 * healthPeriod.Ticks);
        foreach (var component in app.Components)
        {
            // As the health monitor sets each watch's deadline (it does not watch itself).
            if (component is HealthMonitor || component.RateGroups.Count == 0)
            {
                continue;
            }

            var slowest = component.RateGroups.Max(scheduler.Period);
            deadline = TimeSpan.FromTicks(Math.Max(deadline.Ticks, 2 * slowest.Ticks));
        }

        string? restartsText = app.Parameters.Find(RestartsMaxParameter)?.ValueText;
        if (!uint.TryParse(restartsText, NumberStyles.None, CultureInfo.InvariantCulture, out uint restarts))
        {
            throw new InvalidOperationException($"The flight image has no whole-number {RestartsMaxParameter} parameter (value '{restartsText}'); the node workload derives its detection window from it.");
        }

        return new NodeDetectionWindow(healthPeriod, deadline, checked((int)restarts + 1), app.Board.Watchdog.Timeout, longestBoot, scheduler.BasePeriod);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Total.TotalSeconds:0.#} s = {LadderRungs} x ({HealthDeadline.TotalSeconds:0.#} s deadline + 2 x {HealthPeriod.TotalSeconds:0.#} s health cycle) + {WatchdogTimeout.TotalSeconds:0.#} s watchdog + {LongestBoot.TotalSeconds:0.#} s boot");
}
