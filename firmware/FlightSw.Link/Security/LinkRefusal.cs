namespace FlightSw.Link.Security;

/// <summary>
/// Why the node refused a telecommand; sent back as the code of an acceptance failure (TM 1,2)
/// and counted by the link.
/// </summary>
public enum LinkRefusal : byte
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The packet, or its secondary header, is not sound.</summary>
    MalformedHeader,

    /// <summary>The packet is telemetry, not a telecommand.</summary>
    NotTelecommand,

    /// <summary>The APID is not one this node takes telecommands on.</summary>
    UnknownApid,

    /// <summary>The (service, subtype) is not served on that APID.</summary>
    UnknownService,

    /// <summary>No (or a short) security header and MAC, or no key is loaded on the node.</summary>
    Unauthenticated,

    /// <summary>The key id is not loaded on this node.</summary>
    UnknownKey,

    /// <summary>Development key 0 sent to a node not started in development mode.</summary>
    DevelopmentKeyRefused,

    /// <summary>The MAC does not match the packet under the named key.</summary>
    BadMac,

    /// <summary>The anti-replay sequence number was already accepted.</summary>
    Replayed,

    /// <summary>The anti-replay sequence number is older than the replay window.</summary>
    OutsideWindow,

    /// <summary>The application data is not a well-formed command.</summary>
    MalformedCommand,

    /// <summary>Too many telecommands are already waiting for the flight software.</summary>
    InboxFull,
}
