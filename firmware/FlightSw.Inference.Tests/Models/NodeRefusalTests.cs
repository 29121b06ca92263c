using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Nodes the loader refuses: wrong arity, unsupported forms and attribute values, non-float32 data, mismatched shapes.</summary>
public class NodeRefusalTests
{
    [Test]
    public void Load_ConvWithOneInput_RefusedForInputCount()
    {
        Refusal.Expect(Refusal.Model([1, 3, 4, 4], (b, x) => b.Node("Conv", [x], "c")), "Conv node 'c'", "has 1 input; Conv needs at least 2");
    }

    [Test]
    public void Load_ReluWithTwoInputs_RefusedForInputCount()
    {
        Refusal.Expect(Refusal.Model([1, 3], (b, x) => b.Node("Relu", [x, x], "r")), "Relu node 'r'", "has 2 inputs; Relu takes at most 1");
    }

    [Test]
    public void Load_Conv3D_Refused()
    {
        byte[] onnx = Refusal.Model([1, 2, 4, 4, 4], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[16], 2, 1, 2, 2, 2)], "c", ("group", 2)));

        Refusal.Expect(onnx, "Conv node 'c'", "3-D", "only 1-D and 2-D Conv are supported");
    }

    [Test]
    public void Load_ConvUnknownAutoPad_Refused()
    {
        byte[] onnx = Refusal.Model([1, 1, 4, 4], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[4], 1, 1, 2, 2)], "c", ("auto_pad", "SAME")));

        Refusal.Expect(onnx, "Conv node 'c'", "auto_pad 'SAME' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
    }

    [Test]
    public void Load_ConvAutoPadWithPads_Refused()
    {
        byte[] onnx = Refusal.Model([1, 1, 4, 4], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[4], 1, 1, 2, 2)], "c", ("auto_pad", "SAME_UPPER"), ("pads", new[] { 1, 1, 1, 1 })));

        Refusal.Expect(onnx, "Conv node 'c'", "both auto_pad SAME_UPPER and pads");
    }

    [Test]
    public void Load_ConvChannelMismatch_Refused()
    {
        byte[] onnx = Refusal.Model([1, 3, 4, 4], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[8 * 4], 8, 4, 1, 1)], "c"));

        Refusal.Expect(onnx, "Conv node 'c'", "input [1, 3, 4, 4] has 3 channels", "expects 4");
    }

    [Test]
    public void Load_ConvGroupMismatch_Refused()
    {
        byte[] onnx = Refusal.Model([1, 4, 4, 4], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[3 * 2], 3, 2, 1, 1)], "c", ("group", 2)));

        Refusal.Expect(onnx, "Conv node 'c'", "3 output channels, which do not divide into 2 groups");
    }

    [Test]
    public void Load_ConvKernelShapeDisagreesWithWeight_Refused()
    {
        byte[] onnx = Refusal.Model([1, 1, 4, 4], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[4], 1, 1, 2, 2)], "c", ("kernel_shape", new[] { 3, 3 })));

        Refusal.Expect(onnx, "Conv node 'c'", "kernel_shape [3, 3] differs from weight");
    }

    [Test]
    public void Load_ConvKernelLargerThanInput_Refused()
    {
        byte[] onnx = Refusal.Model([1, 1, 2, 2], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[9], 1, 1, 3, 3)], "c"));

        Refusal.Expect(onnx, "Conv node 'c'", "does not fit spatial axis 0 of size 2");
    }

    [Test]
    public void Load_ConvRuntimeWeights_Refused()
    {
        byte[] onnx = Refusal.Model([1, 1, 2, 2], (b, x) => b.Node("Conv", [x, x], "c"));

        Refusal.Expect(onnx, "Conv node 'c'", "weight input 'x' is computed at run time");
    }

    [Test]
    public void Load_ConvOnConstantsOnly_RefusedAsNotFoldable()
    {
        byte[] onnx = Refusal.Model([1, 1], (b, x) => b.Node("Add", [x, b.Node("Conv", [b.Initializer("i", new float[4], 1, 1, 2, 2), b.Initializer("w", new float[1], 1, 1, 1, 1)], "c")], "add"));

        Refusal.Expect(onnx, "Conv node 'c'", "only constant inputs", "evaluating Conv at load is not supported");
    }

    [Test]
    public void Load_MaxPoolIndicesOutput_Refused()
    {
        var builder = new ModelBuilder();
        var outputs = builder.NodeWithOutputs("MaxPool", [builder.Input("x", 1, 1, 4, 4)], 2, "p", ("kernel_shape", new[] { 2, 2 }));
        builder.Output(outputs[0]);

        Refusal.Expect(builder.ToBytes(), "MaxPool node 'p'", "has 2 outputs; MaxPool supports at most 1");
    }

    [Test]
    public void Load_MaxPoolWithoutKernelShape_Refused()
    {
        Refusal.Expect(Refusal.Model([1, 1, 4, 4], (b, x) => b.Node("MaxPool", [x], "p")), "MaxPool node 'p'", "kernel_shape is missing");
    }

    [Test]
    public void Load_PoolStridesOfWrongLength_Refused()
    {
        byte[] onnx = Refusal.Model([1, 1, 4, 4], (b, x) => b.Node("AveragePool", [x], "p", ("kernel_shape", new[] { 2, 2 }), ("strides", new[] { 2 })));

        Refusal.Expect(onnx, "AveragePool node 'p'", "strides [2] has 1 entries; 2 expected");
    }

    [Test]
    public void Load_DropoutMaskUsed_Refused()
    {
        var builder = new ModelBuilder();
        var outputs = builder.NodeWithOutputs("Dropout", [builder.Input("x", 1, 4)], 2, "d");
        builder.Output(outputs[0]);
        builder.Output(outputs[1]);

        Refusal.Expect(builder.ToBytes(), "Dropout node 'd'", "mask output 'd_out1' is used");
    }

    [Test]
    public void Load_BatchNormalizationTrainingOutputs_Refused()
    {
        var builder = new ModelBuilder();
        string p = builder.Initializer("p", [1f, 1f], 2);
        var outputs = builder.NodeWithOutputs("BatchNormalization", [builder.Input("x", 1, 2, 3), p, p, p, p], 3, "bn");
        builder.Output(outputs[0]);

        Refusal.Expect(builder.ToBytes(), "BatchNormalization node 'bn'", "only the inference form");
    }

    [Test]
    public void Load_BatchNormalizationParameterOfWrongLength_Refused()
    {
        byte[] onnx = Refusal.Model([1, 2, 3], (b, x) =>
        {
            string p = b.Initializer("p", [1f, 1f], 2);
            return b.Node("BatchNormalization", [x, p, p, b.Initializer("mean", [0f, 0f, 0f], 3), p], "bn");
        });

        Refusal.Expect(onnx, "BatchNormalization node 'bn'", "mean 'mean' has shape [3]; [2] expected");
    }

    [Test]
    public void Load_ClipBoundFromRuntimeValue_RefusedAsNotConstant()
    {
        byte[] onnx = Refusal.Model([1], (b, x) => b.Node("Clip", [x, x], "clip"), opset: 11);

        Refusal.Expect(onnx, "Clip node 'clip'", "min input 'x' is computed at run time; it must be a constant");
    }

    [Test]
    public void Load_RuntimeCastToInt64_RefusedAsNotFloat32()
    {
        Refusal.Expect(Refusal.Model([1, 4], (b, x) => b.Node("Cast", [x], "cast", ("to", 7))), "Cast node 'cast'", "INT64", "only float32 flows at run time");
    }

    [Test]
    public void Load_RuntimeAddOfInt64Constant_RefusedAsNotFloat32()
    {
        byte[] onnx = Refusal.Model([1, 2], (b, x) => b.Node("Add", [x, b.InitializerInt64("k", [1, 2], 2)], "add"));

        Refusal.Expect(onnx, "Add node 'add'", "input 'k' is a Int64 constant; only float32 data flows at run time");
    }

    [Test]
    public void Load_AddNotBroadcastable_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("Add", [x, b.Initializer("c", new float[2], 2)], "add"));

        Refusal.Expect(onnx, "Add node 'add'", "input shapes [2, 3] ('x') and [2] ('c') do not broadcast");
    }

    [Test]
    public void Load_MatMulInnerDimensionsDiffer_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("MatMul", [x, b.Initializer("w", new float[8], 4, 2)], "mm"));

        Refusal.Expect(onnx, "MatMul node 'mm'", "inner dimensions differ", "[2, 3] has 3 columns", "[4, 2] has 4 rows");
    }

    [Test]
    public void Load_GemmInnerDimensionsDiffer_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("Gemm", [x, b.Initializer("w", new float[8], 4, 2)], "fc"));

        Refusal.Expect(onnx, "Gemm node 'fc'", "inner dimensions differ");
    }

    [Test]
    public void Load_GemmBiasNotBroadcastable_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("Gemm", [x, b.Initializer("w", new float[6], 3, 2), b.Initializer("c", new float[3], 3)], "fc"));

        Refusal.Expect(onnx, "Gemm node 'fc'", "C 'c' of shape [3] does not broadcast to the output [2, 2]");
    }

    [Test]
    public void Load_ConcatDimensionsDiffer_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("Concat", [x, b.Initializer("c", new float[4], 1, 4)], "cat", ("axis", 0)));

        Refusal.Expect(onnx, "Concat node 'cat'", "input 'c' [1, 4] does not match 'x' [2, 3] outside axis 0");
    }

    [Test]
    public void Load_ConcatAxisOutOfRange_Refused()
    {
        Refusal.Expect(Refusal.Model([2, 3], (b, x) => b.Node("Concat", [x, x], "cat", ("axis", 2))), "Concat node 'cat'", "axis 2 is out of range for rank 2");
    }

    [Test]
    public void Load_ReshapeElementCountDiffers_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("Reshape", [x, b.InitializerInt64("s", [4, 2], 2)], "r"));

        Refusal.Expect(onnx, "Reshape node 'r'", "cannot reshape [2, 3] (6 elements) to [4, 2] (8 elements)");
    }

    [Test]
    public void Load_ReshapeTwoInferredDimensions_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("Reshape", [x, b.InitializerInt64("s", [-1, -1], 2)], "r"));

        Refusal.Expect(onnx, "Reshape node 'r'", "more than one -1");
    }

    [Test]
    public void Load_SqueezeAxisNotOne_Refused()
    {
        byte[] onnx = Refusal.Model([1, 3], (b, x) => b.Node("Squeeze", [x, b.InitializerInt64("a", [1], 1)], "sq"));

        Refusal.Expect(onnx, "Squeeze node 'sq'", "axis 1 of input [1, 3] has size 3");
    }

    [Test]
    public void Load_SliceZeroStep_Refused()
    {
        byte[] onnx = Refusal.Model([4], (b, x) => b.Node("Slice", [x, b.InitializerInt64("s", [0], 1), b.InitializerInt64("e", [4], 1), b.InitializerInt64("a", [0], 1), b.InitializerInt64("p", [0], 1)], "sl"));

        Refusal.Expect(onnx, "Slice node 'sl'", "steps [0] has a 0");
    }

    [Test]
    public void Load_GatherIndexOutOfRange_Refused()
    {
        byte[] onnx = Refusal.Model([4, 2], (b, x) => b.Node("Gather", [x, b.InitializerInt64("i", [4], 1)], "g"));

        Refusal.Expect(onnx, "Gather node 'g'", "index 4 is out of range for an axis of size 4");
    }

    [Test]
    public void Load_TransposeBadPerm_Refused()
    {
        Refusal.Expect(Refusal.Model([2, 3], (b, x) => b.Node("Transpose", [x], "t", ("perm", new[] { 0, 0 }))), "Transpose node 't'", "perm [0, 0] is not a permutation");
    }

    [Test]
    public void Load_ConstantWithStringValue_Refused()
    {
        byte[] onnx = Refusal.Model([1], (b, x) => b.Node("Add", [x, b.Node("Constant", [], "k", ("value_string", "hello"))], "add"));

        Refusal.Expect(onnx, "Constant node 'k'", "value_string is not supported");
    }

    [Test]
    public void Load_IntegerDivisionByZeroWhileFolding_Refused()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) =>
            b.Node("Reshape", [x, b.Node("Div", [b.InitializerInt64("s", [6], 1), b.InitializerInt64("z", [0], 1)], "div")], "r"));

        Refusal.Expect(onnx, "Div node 'div'", "divides the integer constant 6 by zero");
    }

    [Test]
    public void Load_HardSwishBeforeOpset14_Refused()
    {
        Refusal.Expect(Refusal.Model([1, 4], (b, x) => b.Node("HardSwish", [x], "hs")), "HardSwish node 'hs'", "exists from opset 14; the model imports opset 13");
    }

    [Test]
    public void Load_RuntimeSliceToNothing_RefusedAsEmpty()
    {
        byte[] onnx = Refusal.Model([4], (b, x) => b.Node("Slice", [x, b.InitializerInt64("s", [3], 1), b.InitializerInt64("e", [1], 1)], "sl"));

        Refusal.Expect(onnx, "Slice node 'sl'", "output 'sl_out' would be empty (shape [0])");
    }
}
