namespace FlightSw.Core.Scheduling;

/// <summary>Scheduler timing. The defaults live here and nowhere else.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Default base tick: 100 ms, the 10 Hz group.</summary>
    public static readonly TimeSpan DefaultBasePeriod = TimeSpan.FromMilliseconds(100);

    /// <summary>The base tick; the 10 Hz group runs every tick. Default <see cref="DefaultBasePeriod"/>.</summary>
    public TimeSpan BasePeriod { get; init; } = DefaultBasePeriod;

    /// <summary>Ticks per cycle of each group: 1 (10 Hz), 10 (1 Hz), 100 (0.1 Hz) with the default base tick.</summary>
    public static int Divider(RateGroupId group) => group switch
    {
        RateGroupId.Rate10Hz => 1,
        RateGroupId.Rate1Hz => 10,
        RateGroupId.Rate0_1Hz => 100,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown rate group."),
    };

    /// <summary>The period of <paramref name="group"/>.</summary>
    public TimeSpan Period(RateGroupId group) => BasePeriod * Divider(group);
}
