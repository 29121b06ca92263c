namespace FlightSw.Inference.Models.Zoo;

/// <summary>How an <see cref="Mlp"/> writes its fully connected layers.</summary>
public enum MlpDense
{
    /// <summary>Gemm with weights [out, in] and transB = 1, as PyTorch exports <c>nn.Linear</c>.</summary>
    Gemm,

    /// <summary>MatMul with weights [in, out], then Add of the bias.</summary>
    MatMulAdd,
}
