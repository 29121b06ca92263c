namespace FlightSw.Inference.Kernels;

/// <summary>
/// The taps of one pooling window along one axis that land inside an extent: positions
/// <see cref="First"/>, First + <see cref="Step"/>, ... (<see cref="Count"/> of them). Because the
/// taps are evenly spaced, the ones inside [0, extent) are always one contiguous run.
/// </summary>
internal readonly record struct PoolingTaps(int First, int Count, int Step)
{
    /// <summary>
    /// The taps start, start + dilation, ... (kernel of them) that fall in [0, extent); start may be
    /// negative (in the padding) or past the extent (a ceil_mode window).
    /// </summary>
    public static PoolingTaps Of(int start, int kernel, int dilation, int extent)
    {
        unchecked
        {
            // First tap at or after 0: ceil(-start / dilation) when start is negative.
            int firstTap = start >= 0 ? 0 : (-start + dilation - 1) / dilation;
            int lastPosition = extent - 1 - start;
            int lastTap = lastPosition < 0 ? -1 : Math.Min(kernel - 1, lastPosition / dilation);
            int count = Math.Max(0, lastTap - firstTap + 1);
            return new PoolingTaps(start + (firstTap * dilation), count, dilation);
        }
    }

    /// <summary>
    /// The output columns [start, end) whose whole window lies inside the input's width, so every
    /// column tap is real and no clipping is needed.
    /// </summary>
    public static (int Start, int End) Interior(in ConvGeometry g, int width)
    {
        unchecked
        {
            int start = (g.PadLeft + g.StrideW - 1) / g.StrideW;
            int lastLeft = width - 1 - ((g.KernelW - 1) * g.DilationW) + g.PadLeft;
            int end = lastLeft < 0 ? 0 : Math.Min(g.OutW, (lastLeft / g.StrideW) + 1);
            return (Math.Min(start, g.OutW), Math.Max(end, Math.Min(start, g.OutW)));
        }
    }
}
