namespace FlightSw.Inference.Models;

/// <summary>
/// The static shape of a tensor: every dimension known at load. A rank-0 shape is a scalar of
/// one element. Immutable; equality compares the dimensions.
/// </summary>
public sealed class TensorShape : IEquatable<TensorShape>
{
    private readonly int[] _dims;

    /// <summary>Creates a shape from <paramref name="dims"/>, each zero or more.</summary>
    /// <exception cref="ArgumentException">A dimension is negative or the element count overflows an int.</exception>
    public TensorShape(params ReadOnlySpan<int> dims)
    {
        _dims = dims.ToArray();
        long count = 1;
        foreach (int dim in _dims)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Tensor dimension {dim} is negative in shape [{string.Join(", ", _dims)}].", nameof(dims));
            }

            count *= dim;
            if (count > int.MaxValue)
            {
                throw new ArgumentException($"Shape [{string.Join(", ", _dims)}] has more than {int.MaxValue} elements.", nameof(dims));
            }
        }

        ElementCount = (int)count;
    }

    /// <summary>The scalar shape (rank 0, one element).</summary>
    public static TensorShape Scalar { get; } = new();

    /// <summary>The dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Dims => _dims;

    /// <summary>Number of dimensions.</summary>
    public int Rank => _dims.Length;

    /// <summary>Number of elements: the product of the dimensions (1 for a scalar).</summary>
    public int ElementCount { get; }

    /// <summary>Dimension <paramref name="axis"/>; a negative axis counts from the end.</summary>
    public int this[int axis] => _dims[axis < 0 ? axis + _dims.Length : axis];

    /// <summary>Dimension at <paramref name="axis"/>, for example <c>shape[^1]</c> for the last.</summary>
    public int this[Index axis] => _dims[axis];

    /// <summary>Product of dimensions [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public int Product(int start, int end)
    {
        int product = 1;
        for (int i = start; i < end; i++)
        {
            product *= _dims[i];
        }

        return product;
    }

    /// <summary>The dimensions as a new array.</summary>
    public int[] ToArray() => (int[])_dims.Clone();

    /// <inheritdoc />
    public bool Equals(TensorShape? other) => other is not null && _dims.AsSpan().SequenceEqual(other._dims);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TensorShape);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (int dim in _dims)
        {
            hash.Add(dim);
        }

        return hash.ToHashCode();
    }

    /// <summary>The shape as <c>[1, 3, 32, 32]</c>.</summary>
    public override string ToString() => $"[{string.Join(", ", _dims)}]";
}
