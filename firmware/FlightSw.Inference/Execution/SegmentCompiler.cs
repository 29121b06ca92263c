using FlightSw.Inference.Kernels;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Execution;

/// <summary>
/// Lowers consecutive nodes of a loaded graph to steps, once at load: folds BatchNormalization
/// into the convolution before it and fuses a following activation, packs weights for the GEMM
/// with their ABFT checksums into one weight image, makes reshapes aliases, and plans the arena
/// by liveness. Anything the engine cannot run is refused here, still at load.
/// </summary>
internal sealed class SegmentCompiler
{
    private static readonly HashSet<string> AliasOps = ["Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Dropout", "Cast"];

    private readonly ModelGraph _graph;
    private readonly IReadOnlyList<GraphNode> _nodes;
    private readonly HashSet<string> _outputs;
    private readonly Dictionary<string, ValueSlot> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _root = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastUse = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueSlot> _constantSlots = new(StringComparer.Ordinal);
    private readonly WeightImageBuilder _image = new();
    private readonly ArenaPlanner _arena = new();
    private readonly List<Step> _steps = [];
    private bool[] _fused = [];

    private SegmentCompiler(ModelGraph graph, IReadOnlyList<GraphNode> nodes, IEnumerable<string> outputs)
    {
        _graph = graph;
        _nodes = nodes;
        _outputs = new(outputs, StringComparer.Ordinal);
    }

    /// <summary>Compiles <paramref name="nodes"/> (in order) reading <paramref name="inputs"/> and producing <paramref name="outputs"/>.</summary>
    /// <exception cref="ModelLoadException">A node cannot be run by the engine.</exception>
    public static Segment Compile(ModelGraph graph, IReadOnlyList<GraphNode> nodes, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        var compiler = new SegmentCompiler(graph, nodes, outputs);
        return compiler.Build(inputs, outputs);
    }

    private Segment Build(IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        _fused = new bool[_nodes.Count];
        for (int i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            if (AliasOps.Contains(node.OpType))
            {
                _root[node.Outputs[0]] = Root(node.Inputs[0]);
            }

            foreach (string input in node.Inputs)
            {
                if (input.Length == 0 || IsConstant(input))
                {
                    continue;
                }

                _lastUse[Root(input)] = i;
                if (!_consumers.TryGetValue(input, out var list))
                {
                    _consumers[input] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (string output in outputs)
        {
            _lastUse[Root(output)] = int.MaxValue;
        }

        var inputSlots = new List<(string, ValueSlot)>();
        foreach (string input in inputs)
        {
            var slot = Allocate(input);
            inputSlots.Add((input, slot));
        }

        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_fused[i])
            {
                continue;
            }

            var node = _nodes[i];
            if (AliasOps.Contains(node.OpType))
            {
                if (node.OpType == "Cast" && node.Attributes.GetInt("to", 1) != 1)
                {
                    throw new ModelLoadException(node.ToString(), "only a cast to float32 can run at inference time");
                }

                _slots[node.Outputs[0]] = SlotOf(node.Inputs[0], node);
                continue;
            }

            Lower(node);
            foreach (string input in node.Inputs)
            {
                if (input.Length > 0 && !IsConstant(input) && _lastUse.TryGetValue(Root(input), out int last) && last == i && _slots.TryGetValue(Root(input), out var slot) && !slot.InWeights)
                {
                    _arena.Free(slot.Offset, slot.Length);
                    _lastUse.Remove(Root(input));
                }
            }
        }

        var outputSlots = outputs.Select(output => (output, SlotOf(output, null))).ToList();
        int scratch = _steps.Count == 0 ? 0 : _steps.Max(step => step.ScratchLength);
        return new Segment(_steps, inputSlots, outputSlots, _arena.Length, scratch, _image.ToArray());
    }

    private void Lower(GraphNode node)
    {
        int weightsStart = AlignedImageEnd();
        Step step = node.OpType switch
        {
            "Conv" => LowerConv(node),
            "Gemm" or "MatMul" => LowerDense(node),
            "BatchNormalization" => LowerBatchNorm(node),
            "Relu" or "Clip" or "Sigmoid" or "HardSigmoid" or "HardSwish" =>
                new ActivationStep(node.Name, node.OpType, SlotOf(node.Inputs[0], node), Allocate(node.Outputs[0]), Activation.Of(node)!.Value),
            "Add" or "Sub" or "Mul" or "Div" => LowerBinary(node),
            "MaxPool" or "AveragePool" or "GlobalAveragePool" => LowerPool(node),
            "Softmax" => LowerSoftmax(node),
            "Transpose" or "Slice" or "Gather" => LowerLayout(node),
            "Concat" => LowerConcat(node),
            _ => throw new ModelLoadException(node.ToString(), "the engine has no kernel for this operator"),
        };

        // What the lowering added to the weight image belongs to this step (where faults aim).
        step.WeightOffset = weightsStart;
        step.WeightCount = Math.Max(0, _image.Length - weightsStart);
        _steps.Add(step);
    }

    private Step LowerConv(GraphNode node)
    {
        var attributes = node.Attributes;
        var x = Shape(node.Inputs[0]);
        var w = Constant(node, 1, "weights");
        var bias = node.Inputs.Count > 2 && node.Inputs[2].Length > 0 ? Constant(node, 2, "bias").AsFloats() : null;
        int group = (int)attributes.GetInt("group", 1);
        int outChannels = w.Shape[0];
        int kernelLength = w.Shape.Product(1, w.Shape.Rank) / w.Shape[1];
        int channels = x[1];
        int batches = x[0];
        bool twoD = x.Rank == 4;
        int height = twoD ? x[2] : 1;
        int width = twoD ? x[3] : x[2];
        if (x.Rank is not (3 or 4))
        {
            throw new ModelLoadException(node.ToString(), $"only 1-D and 2-D convolutions run; input is {x}");
        }

        // Fold a BatchNormalization that only this convolution feeds, then fuse an activation.
        float[] weights = (float[])w.AsFloats().Clone();
        float[] biases = bias is null ? new float[outChannels] : (float[])bias.Clone();
        string output = node.Outputs[0];
        var bn = SoleConsumer(output, "BatchNormalization");
        if (bn is { } bnIndex && AllConstant(_nodes[bnIndex], 1))
        {
            FoldBatchNorm(_nodes[bnIndex], weights, biases, outChannels);
            _fused[bnIndex] = true;
            output = _nodes[bnIndex].Outputs[0];
        }

        var activation = FuseActivation(ref output);
        var geometry = Geometry(node, height, width, twoD, Shape(output));
        var slot = Allocate(output);
        var input = SlotOf(node.Inputs[0], node);
        if (group == channels && outChannels == channels && group > 1)
        {
            int weightsOffset = _image.Add(weights);
            int biasOffset = _image.Add(biases);
            return new DepthwiseConvStep(node.Name, input, slot, batches, channels, height, width, weightsOffset, biasOffset, kernelLength, geometry, activation);
        }

        int rows = outChannels / group;
        int k = channels / group * kernelLength;
        var groups = new PackedMatrix[group];
        for (int g = 0; g < group; g++)
        {
            groups[g] = PackedMatrix.Add(_image, weights.AsSpan(g * rows * k, rows * k), biases.AsSpan(g * rows, rows), rows, k);
        }

        bool pointwise = geometry is { KernelH: 1, KernelW: 1, StrideH: 1, StrideW: 1, PadTop: 0, PadLeft: 0, PadBottom: 0, PadRight: 0 };
        return new ConvGemmStep(node.Name, input, slot, groups, batches, channels, height, width, geometry, pointwise, activation);
    }

    private Step LowerDense(GraphNode node)
    {
        var attributes = node.Attributes;
        bool gemm = node.OpType == "Gemm";
        var a = Shape(node.Inputs[0]);
        if (!IsConstant(node.Inputs[1]))
        {
            if (gemm || IsConstant(node.Inputs[0]))
            {
                throw new ModelLoadException(node.ToString(), "the engine runs Gemm with constant weights (B) and MatMul with constant or computed right operands only");
            }

            return LowerRuntimeMatMul(node);
        }

        var b = Constant(node, 1, "weights");
        bool transA = gemm && attributes.GetInt("transA", 0) != 0;
        bool transB = gemm && attributes.GetInt("transB", 0) != 0;
        float alpha = gemm ? attributes.GetFloat("alpha", 1f) : 1f;
        float beta = gemm ? attributes.GetFloat("beta", 1f) : 1f;
        if (b.Shape.Rank != 2)
        {
            throw new ModelLoadException(node.ToString(), $"constant weights of rank {b.Shape.Rank} are not supported; only a 2-D weight matrix is");
        }

        int k = transB ? b.Shape[1] : b.Shape[0];
        int n = transB ? b.Shape[0] : b.Shape[1];
        int rows = transA ? a[1] : (a.Rank == 1 ? 1 : a.ElementCount / a[^1]);

        // W'(n, k) = alpha * B'(k, n), row-major N x K: the GEMM's packed left operand.
        var bValues = b.AsFloats();
        var matrix = new float[n * k];
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < k; col++)
            {
                float value = transB ? bValues[row * k + col] : bValues[col * n + row];
                matrix[row * k + col] = alpha * value;
            }
        }

        var biases = new float[n];
        ValueSlot? addend = null;
        TensorShape? addendShape = null;
        string output = node.Outputs[0];
        if (gemm && node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
        {
            var c = Constant(node, 2, "C");
            var cValues = c.AsFloats();
            if (c.Shape.ElementCount == n && (c.Shape.Rank == 1 || (c.Shape.Rank == 2 && c.Shape[0] == 1)))
            {
                for (int i = 0; i < n; i++)
                {
                    biases[i] = beta * cValues[i];
                }
            }
            else if (c.Shape.ElementCount == 1)
            {
                Array.Fill(biases, beta * cValues[0]);
            }
            else
            {
                var scaled = cValues.Select(value => beta * value).ToArray();
                addend = new ValueSlot(true, _image.Add(scaled), scaled.Length);
                addendShape = c.Shape;
            }
        }

        var packed = PackedMatrix.Add(_image, matrix, biases, n, k);
        var activation = FuseActivation(ref output);
        var slot = Allocate(output);
        return new DenseStep(node.Name, node.OpType, SlotOf(node.Inputs[0], node), slot, packed, rows, transA, addend, addendShape, Shape(node.Outputs[0]), activation);
    }

    private Step LowerRuntimeMatMul(GraphNode node)
    {
        var a = Shape(node.Inputs[0]);
        var b = Shape(node.Inputs[1]);
        if (a.Rank < 2 || a.Rank != b.Rank || a.Product(0, a.Rank - 2) != b.Product(0, b.Rank - 2) || !a.Dims[..^2].SequenceEqual(b.Dims[..^2]))
        {
            throw new ModelLoadException(node.ToString(), $"MatMul of two computed tensors needs equal batch dimensions and rank 2 or more; got {a} x {b}");
        }

        int m = a[^2];
        int k = a[^1];
        int n = b[^1];
        return new MatMulStep(node.Name, SlotOf(node.Inputs[0], node), SlotOf(node.Inputs[1], node), Allocate(node.Outputs[0]), a.Product(0, a.Rank - 2), m, k, n);
    }

    private Step LowerBatchNorm(GraphNode node)
    {
        if (!AllConstant(node, 1))
        {
            throw new ModelLoadException(node.ToString(), "scale, bias, mean and variance must be constants");
        }

        var x = Shape(node.Inputs[0]);
        int channels = x[1];
        var scale = new float[channels];
        var shift = new float[channels];
        Array.Fill(scale, 1f);
        FoldBatchNormInto(node, scale, shift);
        int scaleOffset = _image.Add(scale);
        int shiftOffset = _image.Add(shift);
        return new ChannelAffineStep(node.Name, SlotOf(node.Inputs[0], node), Allocate(node.Outputs[0]), x[0], channels, x.Product(2, x.Rank), scaleOffset, shiftOffset);
    }

    private Step LowerBinary(GraphNode node)
    {
        var op = node.OpType switch
        {
            "Add" => BinaryOp.Add,
            "Sub" => BinaryOp.Sub,
            "Mul" => BinaryOp.Mul,
            _ => BinaryOp.Div,
        };
        var a = SlotOf(node.Inputs[0], node);
        var b = SlotOf(node.Inputs[1], node);
        return new BinaryStep(node.Name, node.OpType, op, a, ShapeOrConstant(node.Inputs[0]), b, ShapeOrConstant(node.Inputs[1]), Allocate(node.Outputs[0]), Shape(node.Outputs[0]));
    }

    private Step LowerPool(GraphNode node)
    {
        var x = Shape(node.Inputs[0]);
        bool twoD = x.Rank == 4;
        if (x.Rank is not (3 or 4))
        {
            throw new ModelLoadException(node.ToString(), $"only 1-D and 2-D pooling runs; input is {x}");
        }

        int height = twoD ? x[2] : 1;
        int width = twoD ? x[3] : x[2];
        var output = Shape(node.Outputs[0]);
        var geometry = node.OpType == "GlobalAveragePool"
            ? new ConvGeometry(height, width, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1)
            : Geometry(node, height, width, twoD, output);
        bool countIncludePad = node.Attributes.GetInt("count_include_pad", 0) != 0;
        return new PoolStep(node.Name, node.OpType, SlotOf(node.Inputs[0], node), Allocate(node.Outputs[0]), x[0] * x[1], height, width, geometry, countIncludePad);
    }

    private Step LowerSoftmax(GraphNode node)
    {
        var x = Shape(node.Inputs[0]);
        int axis = (int)node.Attributes.GetInt("axis", x.Rank - 1);
        bool coerce = node.Attributes.GetInt("coerce2d", 0) != 0;
        int outer = x.Product(0, axis);
        int length = coerce ? x.Product(axis, x.Rank) : x[axis];
        int inner = coerce ? 1 : x.Product(axis + 1, x.Rank);
        return new SoftmaxStep(node.Name, SlotOf(node.Inputs[0], node), Allocate(node.Outputs[0]), outer, length, inner);
    }

    private Step LowerLayout(GraphNode node)
    {
        var x = Shape(node.Inputs[0]);
        var input = SlotOf(node.Inputs[0], node);
        var outputShape = Shape(node.Outputs[0]);
        switch (node.OpType)
        {
            case "Transpose":
            {
                var perm = Ints(node.Attributes.GetInts("perm") ?? [.. Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i)]);
                return new LayoutStep(node.Name, node.OpType, input, x, Allocate(node.Outputs[0]), outputShape, perm, [], 0, null);
            }

            case "Slice":
            {
                var starts = new int[x.Rank];
                var steps = Enumerable.Repeat(1, x.Rank).ToArray();
                var axes = node.Attributes.GetInts("axes") ?? [.. Enumerable.Range(0, x.Rank).Select(i => (long)i)];
                var given = node.Attributes.GetInts("starts") ?? [];
                var stepsGiven = node.Attributes.GetInts("steps");
                for (int i = 0; i < axes.Length; i++)
                {
                    int axis = (int)axes[i];
                    starts[axis] = (int)given[i];
                    steps[axis] = stepsGiven is null ? 1 : (int)stepsGiven[i];
                }

                return new LayoutStep(node.Name, node.OpType, input, x, Allocate(node.Outputs[0]), outputShape, starts, steps, 0, null);
            }

            default:
            {
                var indices = Constant(node, 1, "indices");
                int axis = (int)node.Attributes.GetInt("axis", 0);
                var values = indices.AsIntegers().Select(i => (int)(i < 0 ? i + x[axis] : i)).ToArray();
                return new LayoutStep(node.Name, node.OpType, input, x, Allocate(node.Outputs[0]), outputShape, values, [], axis, indices.Shape);
            }
        }
    }

    private Step LowerConcat(GraphNode node)
    {
        var inputs = node.Inputs.Where(name => name.Length > 0).ToArray();
        var slots = inputs.Select(name => SlotOf(name, node)).ToArray();
        var shapes = inputs.Select(ShapeOrConstant).ToArray();
        int axis = (int)node.Attributes.GetInt("axis", 0);
        return new ConcatStep(node.Name, slots, shapes, axis, Allocate(node.Outputs[0]));
    }

    private Activation FuseActivation(ref string output)
    {
        if (_outputs.Contains(output) || !_consumers.TryGetValue(output, out var consumers) || consumers.Count != 1)
        {
            return Activation.None;
        }

        var consumer = _nodes[consumers[0]];
        if (consumer.Inputs[0] != output || Activation.Of(consumer) is not { } activation)
        {
            return Activation.None;
        }

        _fused[consumers[0]] = true;
        output = consumer.Outputs[0];
        return activation;
    }

    private int? SoleConsumer(string value, string opType)
    {
        if (_outputs.Contains(value) || !_consumers.TryGetValue(value, out var consumers) || consumers.Count != 1)
        {
            return null;
        }

        var consumer = _nodes[consumers[0]];
        return consumer.OpType == opType && consumer.Inputs[0] == value ? consumers[0] : null;
    }

    private void FoldBatchNorm(GraphNode bn, float[] weights, float[] biases, int outChannels)
    {
        var scale = new float[outChannels];
        var shift = new float[outChannels];
        FoldBatchNormInto(bn, scale, shift, multiplyExisting: false);
        int perChannel = weights.Length / outChannels;
        for (int c = 0; c < outChannels; c++)
        {
            for (int i = 0; i < perChannel; i++)
            {
                weights[c * perChannel + i] *= scale[c];
            }

            biases[c] = (float)(((double)biases[c] * scale[c]) + shift[c]);
        }
    }

    // y = (x - mean) / sqrt(var + eps) * gamma + beta = x * s + (beta - mean * s).
    private void FoldBatchNormInto(GraphNode bn, float[] scale, float[] shift, bool multiplyExisting = true)
    {
        var gamma = Constant(bn, 1, "scale").AsFloats();
        var beta = Constant(bn, 2, "bias").AsFloats();
        var mean = Constant(bn, 3, "mean").AsFloats();
        var variance = Constant(bn, 4, "variance").AsFloats();
        double epsilon = bn.Attributes.GetFloat("epsilon", 1e-5f);
        if (gamma.Length != scale.Length || beta.Length != scale.Length || mean.Length != scale.Length || variance.Length != scale.Length)
        {
            throw new ModelLoadException(bn.ToString(), $"scale, bias, mean and variance must have one value per channel ({scale.Length})");
        }

        for (int c = 0; c < scale.Length; c++)
        {
            double s = gamma[c] / Math.Sqrt(variance[c] + epsilon);
            scale[c] = multiplyExisting ? (float)(scale[c] * s) : (float)s;
            shift[c] = (float)(beta[c] - (mean[c] * s));
        }
    }

    private static ConvGeometry Geometry(GraphNode node, int height, int width, bool twoD, TensorShape output)
    {
        var attributes = node.Attributes;
        var kernel = Ints(attributes.GetInts("kernel_shape") ?? throw new ModelLoadException(node.ToString(), "kernel_shape is missing"));
        var strides = Ints(attributes.GetInts("strides") ?? [.. kernel.Select(_ => 1L)]);
        var pads = Ints(attributes.GetInts("pads") ?? [.. kernel.Select(_ => 0L), .. kernel.Select(_ => 0L)]);
        var dilations = Ints(attributes.GetInts("dilations") ?? [.. kernel.Select(_ => 1L)]);
        int outW = output[^1];
        return twoD
            ? new ConvGeometry(kernel[0], kernel[1], strides[0], strides[1], pads[0], pads[1], pads[2], pads[3], dilations[0], dilations[1], output[^2], outW)
            : new ConvGeometry(1, kernel[0], 1, strides[0], 0, pads[0], 0, pads[1], 1, dilations[0], 1, outW);
    }

    private static int[] Ints(long[] values) => [.. values.Select(value => checked((int)value))];

    private int AlignedImageEnd() => (_image.Length + 15) / 16 * 16;

    private bool IsConstant(string name) => _graph.Constants.ContainsKey(name);

    private bool AllConstant(GraphNode node, int from)
    {
        for (int i = from; i < node.Inputs.Count; i++)
        {
            if (node.Inputs[i].Length > 0 && !IsConstant(node.Inputs[i]))
            {
                return false;
            }
        }

        return true;
    }

    private ConstantTensor Constant(GraphNode node, int input, string role)
    {
        if (node.Inputs.Count <= input || !_graph.Constants.TryGetValue(node.Inputs[input], out var constant))
        {
            throw new ModelLoadException(node.ToString(), $"its {role} must be a constant (an initializer)");
        }

        return constant;
    }

    private string Root(string value) => _root.TryGetValue(value, out var root) ? root : value;

    private TensorShape Shape(string value) => _graph.Shapes.TryGetValue(value, out var shape)
        ? shape
        : throw new ModelLoadException($"value '{value}'", "has no known shape");

    private TensorShape ShapeOrConstant(string value) => _graph.Constants.TryGetValue(value, out var constant) ? constant.Shape : Shape(value);

    private ValueSlot Allocate(string value)
    {
        int count = Shape(value).ElementCount;
        var slot = new ValueSlot(false, _arena.Allocate(Math.Max(1, count)), count);
        _slots[value] = slot;
        return slot;
    }

    private ValueSlot SlotOf(string value, GraphNode? node)
    {
        if (_graph.Constants.TryGetValue(value, out var constant))
        {
            if (!_constantSlots.TryGetValue(value, out var constantSlot))
            {
                var floats = constant.AsFloats();
                constantSlot = new ValueSlot(true, _image.Add(floats), floats.Length);
                _constantSlots[value] = constantSlot;
            }

            return constantSlot;
        }

        return _slots.TryGetValue(Root(value), out var slot) || _slots.TryGetValue(value, out slot)
            ? slot
            : throw new ModelLoadException(node?.ToString() ?? $"value '{value}'", $"reads '{value}', which nothing before it produces");
    }
}
