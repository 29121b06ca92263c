using FlightSw.Core.Telemetry;

namespace FlightSw.Ground;

/// <summary>The latest value of one telemetry channel as the ground received it.</summary>
/// <param name="Id">Channel id.</param>
/// <param name="Name">Channel name from the dictionary; <c>0xNNNN</c> (the id) for a channel the dictionary does not list.</param>
/// <param name="Type">Value type, as the node reported it.</param>
/// <param name="Value">
/// The value: bool, int, uint, long, ulong, float or double; for an enumeration channel the
/// label (string) from the dictionary, or the number as text when the dictionary has no label
/// for it. Null when the channel has never been written.
/// </param>
/// <param name="Time">When the node last wrote the channel, on the board clock.</param>
/// <param name="UpdateCount">How many times the node has written the channel since its boot.</param>
public readonly record struct GroundSample(ushort Id, string Name, TelemetryType Type, object? Value, DateTimeOffset Time, long UpdateCount);
