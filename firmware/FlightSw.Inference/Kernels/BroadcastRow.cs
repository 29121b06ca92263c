using System.Numerics.Tensors;

namespace FlightSw.Inference.Kernels;

/// <summary>One vectorised run of a <see cref="BinaryOp"/>: span with span, span with scalar, scalar with span.</summary>
internal static class BroadcastRow
{
    /// <summary>y[i] = a[i] op b[i].</summary>
    public static void SpanSpan(BinaryOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, y); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, y); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(a, b, y); break;
            case BinaryOp.Div: TensorPrimitives.Divide(a, b, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary operation.");
        }
    }

    /// <summary>y[i] = a[i] op b.</summary>
    public static void SpanScalar(BinaryOp op, ReadOnlySpan<float> a, float b, Span<float> y)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, y); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, y); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(a, b, y); break;
            case BinaryOp.Div: TensorPrimitives.Divide(a, b, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary operation.");
        }
    }

    /// <summary>y[i] = a op b[i].</summary>
    public static void ScalarSpan(BinaryOp op, float a, ReadOnlySpan<float> b, Span<float> y)
    {
        switch (op)
        {
            // Addition and multiplication commute exactly in IEEE arithmetic.
            case BinaryOp.Add: TensorPrimitives.Add(b, a, y); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, y); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(b, a, y); break;
            case BinaryOp.Div: TensorPrimitives.Divide(a, b, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary operation.");
        }
    }

    /// <summary>y[i] = a op b for every i (both operands broadcast along the run).</summary>
    public static void ScalarScalar(BinaryOp op, float a, float b, Span<float> y) => y.Fill(op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.Div => a / b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary operation."),
    });
}
