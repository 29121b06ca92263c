namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>What a flight saw of one event, over every boot.</summary>
/// <param name="Count">How many times it was raised.</param>
/// <param name="FirstMessage">The message of its first raising.</param>
/// <param name="FirstAt">Virtual time since power-on of its first raising.</param>
internal readonly record struct NodeEventSeen(int Count, string FirstMessage, TimeSpan FirstAt);
