namespace FlightSw.Inference.Kernels;

/// <summary>The element-wise arithmetic of ONNX Add, Sub, Mul and Div, as <see cref="Broadcast.Binary"/> applies it.</summary>
internal enum BinaryOp
{
    /// <summary>a + b.</summary>
    Add,

    /// <summary>a - b.</summary>
    Sub,

    /// <summary>a * b.</summary>
    Mul,

    /// <summary>a / b (IEEE: x / 0 is ±infinity or NaN).</summary>
    Div,
}
