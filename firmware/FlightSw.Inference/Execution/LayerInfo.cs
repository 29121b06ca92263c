namespace FlightSw.Inference.Execution;

/// <summary>A layer as the engine runs it, for aiming faults and reading where time and memory go.</summary>
/// <param name="Name">The graph node's name.</param>
/// <param name="OpType">The ONNX operator (after fusion: the first fused node's).</param>
/// <param name="WeightCount">Floats the layer keeps in each replica's weight region (packed as the kernel reads them; 0 for layers without weights).</param>
/// <param name="OutputCount">Elements of the layer's output.</param>
/// <param name="HasAccumulator">True for GEMM and convolution layers, whose raw results can be hit before their check.</param>
public sealed record LayerInfo(string Name, string OpType, int WeightCount, int OutputCount, bool HasAccumulator);
