namespace FlightSw.Link.Service;

/// <summary>
/// How much a downlink packet matters when the ground cannot keep up: a full queue drops the
/// lowest priority first, so housekeeping goes before events and nothing goes before an
/// acknowledgement or a reply the ground is waiting for.
/// </summary>
public enum DownlinkPriority
{
    /// <summary>Periodic housekeeping: the next report carries the same channels again.</summary>
    Housekeeping,

    /// <summary>Informative events (diagnostic and activity).</summary>
    Event,

    /// <summary>Warning and fatal events.</summary>
    Warning,

    /// <summary>Command acknowledgements.</summary>
    Acknowledgement,

    /// <summary>Link replies the ground asked for: link status, dictionary, simulation control.</summary>
    Control,
}
