namespace FlightSw.Inference.Execution;

/// <summary>Where a float tensor lives during a run: in the replica's arena, or among its weights (constants).</summary>
/// <param name="InWeights">True for a constant kept in the weight region, false for an arena buffer.</param>
/// <param name="Offset">First float.</param>
/// <param name="Length">Floats.</param>
internal readonly record struct ValueSlot(bool InWeights, int Offset, int Length);
