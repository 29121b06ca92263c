using FlightSw.Link.Security;

namespace FlightSw.Link.Service;

/// <summary>How a node's link is set up. Defaults are stated on each property.</summary>
public sealed record LinkServiceOptions
{
    /// <summary>Default number of verified telecommands waiting for the flight thread: 64.</summary>
    public const int DefaultInboxCapacity = 64;

    /// <summary>The node's name, reported in the link status.</summary>
    public required string NodeName { get; init; }

    /// <summary>The board's name, reported in the link status.</summary>
    public required string BoardName { get; init; }

    /// <summary>The board clock, which timestamps telemetry.</summary>
    public required TimeProvider BoardTime { get; init; }

    /// <summary>The telecommand keys; empty refuses every telecommand unless <see cref="DevelopmentMode"/>.</summary>
    public KeyRing Keys { get; init; } = KeyRing.Empty;

    /// <summary>Accept the development key (key id 0, no MAC). Off by default; never for flight.</summary>
    public bool DevelopmentMode { get; init; }

    /// <summary>Whether this node serves simulation control (only a simulated board run on the ground's clock). Off by default.</summary>
    public bool SimulationControl { get; init; }

    /// <summary>Verified telecommands that may wait for the flight thread (<see cref="DefaultInboxCapacity"/>); more are refused.</summary>
    public int InboxCapacity { get; init; } = DefaultInboxCapacity;

    /// <summary>Packets that may wait for each ground connection (<see cref="DownlinkQueue.DefaultCapacity"/>).</summary>
    public int DownlinkCapacity { get; init; } = DownlinkQueue.DefaultCapacity;

    /// <summary>Default most ground connections open at once: 8.</summary>
    public const int DefaultMaxConnections = 8;

    /// <summary>Most ground connections open at once (<see cref="DefaultMaxConnections"/>); more are closed at once and counted.</summary>
    public int MaxConnections { get; init; } = DefaultMaxConnections;

    /// <summary>A frame that stops arriving for this long is given up (<see cref="LinkPort.DefaultQuietPeriod"/>).</summary>
    public TimeSpan QuietPeriod { get; init; } = LinkPort.DefaultQuietPeriod;
}
