namespace FlightSw.Inference.Models.Operators;

/// <summary>The resolved window geometry of a Conv or pool over its spatial axes.</summary>
/// <param name="Kernel">Kernel size per spatial axis.</param>
/// <param name="Strides">Stride per spatial axis.</param>
/// <param name="Pads">Padding: begin for every spatial axis, then end (auto_pad resolved).</param>
/// <param name="Dilations">Dilation per spatial axis.</param>
/// <param name="Output">Output size per spatial axis.</param>
internal sealed record SpatialGeometry(long[] Kernel, long[] Strides, long[] Pads, long[] Dilations, int[] Output)
{
    /// <summary>The geometry as explicit attributes (auto_pad becomes NOTSET since pads now say it all).</summary>
    public NodeAttributes ApplyTo(NodeAttributes attributes) => attributes
        .With("kernel_shape", Kernel)
        .With("strides", Strides)
        .With("pads", Pads)
        .With("dilations", Dilations)
        .With("auto_pad", "NOTSET");
}
