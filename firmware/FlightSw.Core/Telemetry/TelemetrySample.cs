namespace FlightSw.Core.Telemetry;

/// <summary>The latest value of one channel, as read out for the ground.</summary>
/// <param name="Id">Channel id.</param>
/// <param name="Name">Channel name.</param>
/// <param name="Value">The value, boxed; null when the channel has never been written.</param>
/// <param name="Time">When it was last written, on the board clock.</param>
/// <param name="UpdateCount">How many times it has been written since boot.</param>
public readonly record struct TelemetrySample(ushort Id, string Name, object? Value, DateTimeOffset Time, long UpdateCount);
