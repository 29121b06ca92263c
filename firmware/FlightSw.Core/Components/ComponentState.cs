namespace FlightSw.Core.Components;

/// <summary>Where a component is in its lifecycle.</summary>
public enum ComponentState
{
    /// <summary>Constructed; its declarations exist but it is not bound to a board.</summary>
    Created,

    /// <summary>Bound to the board and the framework services.</summary>
    Initialized,

    /// <summary>Started; runs in its rate groups and answers commands.</summary>
    Running,

    /// <summary>Stopped in an orderly shutdown.</summary>
    Stopped,

    /// <summary>Taken out of service by the health monitor after it could not be recovered; no longer scheduled.</summary>
    Disabled,

    /// <summary>Not started in this boot: a SAFE boot runs only the essential components.</summary>
    Skipped,
}
