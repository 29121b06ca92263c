namespace FlightSw.Inference.Protection;

/// <summary>Where a segment's input comes from: a graph input, or an output of an earlier segment.</summary>
/// <param name="GraphInput">Index among the graph's inputs, or -1.</param>
/// <param name="Segment">The earlier segment, when not a graph input.</param>
/// <param name="Output">Index among that segment's outputs.</param>
internal readonly record struct SegmentInputSource(int GraphInput, int Segment, int Output);
