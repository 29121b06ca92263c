namespace FlightSw.Inference.Models.Zoo;

/// <summary>The non-linearities the zoo's layers use.</summary>
internal enum ZooActivation
{
    /// <summary>No activation: the layer's output is used as is.</summary>
    None,

    /// <summary>ONNX <c>Relu</c>.</summary>
    Relu,

    /// <summary>ONNX <c>HardSwish</c> (opset 14).</summary>
    HardSwish,

    /// <summary>ONNX <c>HardSigmoid</c> with PyTorch's constants (alpha 1/6, beta 1/2).</summary>
    HardSigmoid,

    /// <summary>ONNX <c>Sigmoid</c>.</summary>
    Sigmoid,

    /// <summary>ONNX <c>Clip</c> to [0, 6] with its bounds given as inputs (opset 11 and later): ReLU6.</summary>
    Clip,
}
