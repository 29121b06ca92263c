using FlightSw.Core.Telemetry;

namespace FlightSw.Link.Messages;

/// <summary>One channel's value as a housekeeping report (TM 3,25) carries it.</summary>
/// <param name="Id">Channel id.</param>
/// <param name="Type">The channel's value type.</param>
/// <param name="UpdateCount">Times the channel was written since boot; 0 means never, and then there is no value.</param>
/// <param name="Time">When it was last written (board time, to 1/65,536 s).</param>
/// <param name="Value">bool, int, uint, long, ulong, float or double by <paramref name="Type"/>; an enumeration's numeric value as int; null when never written.</param>
public readonly record struct HousekeepingSample(ushort Id, TelemetryType Type, long UpdateCount, DateTimeOffset Time, object? Value);
