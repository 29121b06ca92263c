namespace FlightSw.Campaigns.Workloads.Inference;

/// <summary>The fault-free answer to one input under one variant.</summary>
/// <param name="Output">The output tensor.</param>
/// <param name="Class">Its top-1 class.</param>
/// <param name="Time">How long the fault-free run took on the host (the fastest of a few).</param>
internal sealed record InferenceGolden(float[] Output, int Class, TimeSpan Time);
