namespace FlightSw.Sim.Environment.Power;

/// <summary>What the <see cref="PowerSystem"/>'s one timer is armed for. Earlier members win ties.</summary>
internal enum PowerWake
{
    /// <summary>Nothing will change by itself: no timer armed.</summary>
    None,

    /// <summary>A crossing was found between timer callbacks: raise its event now.</summary>
    Raise,

    /// <summary>The open-circuit voltage falls to the cutoff while the board is powered.</summary>
    Cutoff,

    /// <summary>The open-circuit voltage rises to the power-on voltage while the board is off.</summary>
    PowerOn,

    /// <summary>The battery becomes full: the surplus is curtailed from then on.</summary>
    Full,

    /// <summary>The node enters or leaves the Earth's shadow.</summary>
    Sunlight,
}
