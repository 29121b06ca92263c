using FlightSw.Inference.Models;

namespace FlightSw.Inference.Kernels;

/// <summary>Shape checks of <see cref="Layout.Concat"/>.</summary>
internal static class LayoutConcat
{
    /// <summary>The sum of the shapes' dimensions along <paramref name="axis"/>, once every other dimension is checked equal.</summary>
    /// <exception cref="ArgumentException">A shape differs in rank or in a dimension other than <paramref name="axis"/>.</exception>
    public static int AxisTotal(IReadOnlyList<TensorShape> shapes, int axis)
    {
        var first = shapes[0];
        long total = 0;
        for (int i = 0; i < shapes.Count; i++)
        {
            var shape = shapes[i];
            bool agrees = shape.Rank == first.Rank;
            for (int d = 0; agrees && d < shape.Rank; d++)
            {
                agrees = d == axis || shape.Dims[d] == first.Dims[d];
            }

            if (!agrees)
            {
                throw new ArgumentException($"Concat input {i} has shape {shape}, which does not match {first} outside axis {axis}.", nameof(shapes));
            }

            total += shape.Dims[axis];
        }

        return total <= int.MaxValue ? (int)total : throw new ArgumentException($"Concat along axis {axis} exceeds {int.MaxValue} elements.", nameof(shapes));
    }
}
