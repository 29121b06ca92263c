using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// A float-to-float function at every vector width, for <see cref="FloatMapLoop"/>. Implementations
/// are structs so each loop is specialised and inlined. Every width must give the same bits as the
/// scalar form (no fused multiply-add, IEEE min/max), so a value's result never depends on where it
/// falls in the span.
/// </summary>
internal interface IFloatMap
{
    /// <summary>The function of one value.</summary>
    float Invoke(float x);

    /// <summary>The function of 4 values.</summary>
    Vector128<float> Invoke(Vector128<float> x);

    /// <summary>The function of 8 values.</summary>
    Vector256<float> Invoke(Vector256<float> x);

    /// <summary>The function of 16 values.</summary>
    Vector512<float> Invoke(Vector512<float> x);
}
