namespace FlightSw.Inference.Models.Zoo;

/// <summary>The activation of an <see cref="Mlp"/>'s second hidden layer.</summary>
public enum MlpSquash
{
    /// <summary>ONNX <c>Sigmoid</c>.</summary>
    Sigmoid,

    /// <summary>ONNX <c>Clip</c> to [0, 6] with its bounds given as inputs (ReLU6).</summary>
    Clip,
}
