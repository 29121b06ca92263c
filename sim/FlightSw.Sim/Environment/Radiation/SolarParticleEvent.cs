namespace FlightSw.Sim.Environment.Radiation;

/// <summary>
/// One solar particle event: from <paramref name="Onset"/> the radiation rates climb linearly
/// over <paramref name="RiseTime"/> to <paramref name="PeakMultiplier"/> times their quiet value,
/// then fall back exponentially with the e-folding time <paramref name="DecayTime"/>.
/// </summary>
/// <param name="Onset">Start of the event, since the run's epoch.</param>
/// <param name="PeakMultiplier">Rate factor at the peak, 1 or more.</param>
/// <param name="RiseTime">Time from onset to peak.</param>
/// <param name="DecayTime">E-folding time of the decay after the peak.</param>
public sealed record SolarParticleEvent(TimeSpan Onset, double PeakMultiplier, TimeSpan RiseTime, TimeSpan DecayTime)
{
    /// <summary>Time after which the event adds less than 0.1 % of its peak excess and counts as over.</summary>
    public TimeSpan End => Onset + RiseTime + (DecayTime * Math.Log(1000));

    /// <summary>
    /// What the event adds to the rate factor at <paramref name="sinceEpoch"/>: 0 before the
    /// onset, rising to <see cref="PeakMultiplier"/> - 1 at the peak, then decaying. Several
    /// events add their excesses.
    /// </summary>
    public double ExcessAt(TimeSpan sinceEpoch)
    {
        double excess = PeakMultiplier - 1;
        var sinceOnset = sinceEpoch - Onset;
        if (sinceOnset < TimeSpan.Zero || excess <= 0)
        {
            return 0;
        }

        if (sinceOnset < RiseTime)
        {
            return excess * (sinceOnset / RiseTime);
        }

        return excess * Math.Exp(-(sinceOnset - RiseTime) / DecayTime);
    }
}
