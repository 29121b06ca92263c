namespace FlightSw.Inference.Kernels;

/// <summary>
/// The 2-D window geometry shared by convolution, im2col, depthwise convolution and pooling.
/// One-dimensional operators use height 1, kernel 1, stride 1 and no padding on H. The output
/// size is resolved by the caller (see <see cref="OutputSize"/>), ceil mode included.
/// </summary>
/// <param name="KernelH">Kernel height.</param>
/// <param name="KernelW">Kernel width.</param>
/// <param name="StrideH">Vertical stride.</param>
/// <param name="StrideW">Horizontal stride.</param>
/// <param name="PadTop">Zero rows before the input.</param>
/// <param name="PadLeft">Zero columns before the input.</param>
/// <param name="PadBottom">Zero rows after the input.</param>
/// <param name="PadRight">Zero columns after the input.</param>
/// <param name="DilationH">Vertical distance between kernel taps.</param>
/// <param name="DilationW">Horizontal distance between kernel taps.</param>
/// <param name="OutH">Output height.</param>
/// <param name="OutW">Output width.</param>
internal readonly record struct ConvGeometry(
    int KernelH, int KernelW, int StrideH, int StrideW,
    int PadTop, int PadLeft, int PadBottom, int PadRight,
    int DilationH, int DilationW, int OutH, int OutW)
{
    /// <summary>
    /// The ONNX output length along one axis:
    /// floor-or-ceil((input + pads - dilation*(kernel-1) - 1) / stride) + 1. In ceil mode the last
    /// window must still start inside the input or the leading padding (as ONNX and PyTorch
    /// require), so a window that would start in the trailing padding is dropped.
    /// </summary>
    /// <returns>The output length, at least 0.</returns>
    public static int OutputSize(int input, int kernel, int stride, int padBegin, int padEnd, int dilation, bool ceilMode)
    {
        long span = (long)input + padBegin + padEnd - ((long)dilation * (kernel - 1)) - 1;
        if (span < 0)
        {
            return 0;
        }

        long size = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceilMode && (size - 1) * stride >= (long)input + padBegin)
        {
            size--;
        }

        return (int)size;
    }

    /// <summary>
    /// The outputs o in [<paramref name="first"/>, <paramref name="end"/>) whose input index
    /// o*stride + offset lies inside [0, input), clamped to [0, output).
    /// </summary>
    public static void ValidRange(int output, int input, int stride, int offset, out int first, out int end)
    {
        unchecked
        {
            first = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
            end = input - 1 - offset < 0 ? 0 : Math.Min(output, ((input - 1 - offset) / stride) + 1);
            first = Math.Min(first, output);
            end = Math.Max(end, first);
        }
    }
}
