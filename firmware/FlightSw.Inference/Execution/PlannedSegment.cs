namespace FlightSw.Inference.Execution;

/// <summary>A segment as protection runs it: how many replicas, and whether its steps check themselves (ABFT).</summary>
/// <param name="Segment">The compiled segment.</param>
/// <param name="Replicas">1 (single), 2 (DMR) or 3 (TMR).</param>
/// <param name="Checked">True when the steps verify their results (ABFT checksums, duplicate depthwise runs).</param>
internal sealed record PlannedSegment(Segment Segment, int Replicas, bool Checked);
