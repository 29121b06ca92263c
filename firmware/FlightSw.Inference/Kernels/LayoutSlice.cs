using FlightSw.Inference.Models;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The Slice of <see cref="Layout"/>. Trailing axes taken whole are merged into one block, so a
/// slice of channels or rows is a handful of contiguous copies; an odometer walks the axes before.
/// </summary>
internal static class LayoutSlice
{
    /// <summary>Checks that every axis stays inside x and the spans are long enough.</summary>
    /// <exception cref="ArgumentException">They do not.</exception>
    public static void Validate(ReadOnlySpan<float> x, TensorShape shape, ReadOnlySpan<int> starts, ReadOnlySpan<int> steps, TensorShape outputShape, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(outputShape);
        int rank = shape.Rank;
        if (starts.Length != rank || steps.Length != rank || outputShape.Rank != rank)
        {
            throw new ArgumentException($"Slice of {shape} to {outputShape} needs {rank} starts and steps, got {starts.Length} and {steps.Length}.");
        }

        for (int axis = 0; axis < rank && outputShape.ElementCount > 0; axis++)
        {
            long last = starts[axis] + ((long)(outputShape.Dims[axis] - 1) * steps[axis]);
            if (steps[axis] == 0 || (uint)starts[axis] >= (uint)shape.Dims[axis] || last < 0 || last >= shape.Dims[axis])
            {
                throw new ArgumentException($"Slice axis {axis} (start {starts[axis]}, step {steps[axis]}, {outputShape.Dims[axis]} elements) reads outside {shape}.");
            }
        }

        if (x.Length < shape.ElementCount || y.Length < outputShape.ElementCount)
        {
            throw new ArgumentException($"x ({x.Length}) or y ({y.Length}) is shorter than {shape} or {outputShape}.");
        }
    }

    /// <summary>Copies the slice; the arguments are already validated.</summary>
    public static void Run(ReadOnlySpan<float> x, TensorShape shape, ReadOnlySpan<int> starts, ReadOnlySpan<int> steps, TensorShape outputShape, Span<float> y)
    {
        int count = outputShape.ElementCount;
        if (count == 0)
        {
            return;
        }

        unchecked
        {
            var dims = shape.Dims;
            var outDims = outputShape.Dims;

            // Trailing axes taken whole form one contiguous block.
            int axis = dims.Length - 1;
            int block = 1;
            while (axis >= 0 && starts[axis] == 0 && steps[axis] == 1 && outDims[axis] == dims[axis])
            {
                block *= dims[axis];
                axis--;
            }

            if (axis < 0)
            {
                x[..count].CopyTo(y);
                return;
            }

            Span<int> strides = stackalloc int[axis + 1];
            Span<int> index = stackalloc int[axis + 1];
            int stride = block;
            int source = 0;
            for (int a = axis; a >= 0; a--)
            {
                strides[a] = stride;
                source += starts[a] * stride;
                stride *= dims[a];
            }

            int length = outDims[axis];
            int jump = steps[axis] * block;
            int target = 0;
            index.Clear();
            while (true)
            {
                if (steps[axis] == 1)
                {
                    x.Slice(source, length * block).CopyTo(y.Slice(target, length * block));
                }
                else
                {
                    for (int i = 0; i < length; i++)
                    {
                        x.Slice(source + (i * jump), block).CopyTo(y.Slice(target + (i * block), block));
                    }
                }

                target += length * block;
                int outerAxis = axis - 1;
                for (; outerAxis >= 0; outerAxis--)
                {
                    source += steps[outerAxis] * strides[outerAxis];
                    if (++index[outerAxis] < outDims[outerAxis])
                    {
                        break;
                    }

                    source -= steps[outerAxis] * strides[outerAxis] * outDims[outerAxis];
                    index[outerAxis] = 0;
                }

                if (outerAxis < 0)
                {
                    return;
                }
            }
        }
    }
}
