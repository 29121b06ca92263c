namespace FlightSw.Inference.Tests.Oracle;

/// <summary>A model to run on both engines, its inputs, and how close their outputs must be.</summary>
public sealed record OracleModel(byte[] Onnx, IReadOnlyList<NamedTensor> Inputs, Tolerance Tolerance);
