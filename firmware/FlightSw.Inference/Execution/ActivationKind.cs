namespace FlightSw.Inference.Execution;

/// <summary>An elementwise activation, standalone or fused after a GEMM or convolution.</summary>
internal enum ActivationKind
{
    None,
    Relu,
    Clip,
    Sigmoid,
    HardSigmoid,
    HardSwish,
}
