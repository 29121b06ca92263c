using FlightSw.Link.Dictionary;
using FlightSw.Link.Security;

namespace FlightSw.Ground;

/// <summary>How a <see cref="GroundClient"/> signs, waits and decodes. Defaults are stated per property.</summary>
public sealed record GroundClientOptions
{
    /// <summary>Default wait for the node's link status (hello) and the dictionary at connect: 10 s.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default wait for each acknowledgement stage of a command: 10 s.</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The keys telecommands may be signed with; empty (the default) signs with the development key 0, which only a node in development mode accepts.</summary>
    public KeyRing Keys { get; init; } = KeyRing.Empty;

    /// <summary>Which key of <see cref="Keys"/> to sign with; null (the default) takes the first key of the ring, 0 the development key.</summary>
    public ushort? KeyId { get; init; }

    /// <summary>How long the connect handshake may take: the hello must arrive, and the dictionary be fetched, within it (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>How long each acknowledgement stage of a command (acceptance, then completion) may take (default 10 s).</summary>
    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;

    /// <summary>The node's dictionary when already known; null (the default) fetches it from the node with TC(200,1) at connect.</summary>
    public LinkDictionary? Dictionary { get; init; }

    /// <summary>Source id of this ground station in the TC secondary header (default 1).</summary>
    public ushort SourceId { get; init; } = 1;

    /// <summary>The clock that measures every wait (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
