namespace FlightSw.Link.Packets;

/// <summary>The application process identifiers FlightSw uses on its space link.</summary>
public static class LinkApids
{
    /// <summary>All flight telemetry and telecommands.</summary>
    public const int Flight = 0x010;

    /// <summary>Ground-support commands that only a node on the simulated board serves (run-for, environment control).</summary>
    public const int SimControl = 0x7E0;

    /// <summary>The idle packet's APID (CCSDS 133.0-B): never carries data.</summary>
    public const int Idle = 0x7FF;
}
