namespace FlightSw.Edac.Kernels;

/// <summary>The ECC kernels FlightSw has, and the choice among them for this processor.</summary>
public static class EccKernels
{
    /// <summary>Every kernel, fastest first, whether or not this processor can run it.</summary>
    public static IReadOnlyList<EccKernel> All { get; } =
    [
        GfniEccKernel.Instance,
        Avx2EccKernel.Instance,
        AdvSimdEccKernel.Instance,
        ScalarEccKernel.Instance,
    ];

    /// <summary>The kernels this processor can run, fastest first; the scalar kernel is always among them.</summary>
    public static IReadOnlyList<EccKernel> Supported { get; } = [.. All.Where(kernel => kernel.IsSupported)];

    /// <summary>The fastest kernel this processor can run.</summary>
    public static EccKernel Best => Supported[0];

    /// <summary>The kernel named <paramref name="name"/> (see <see cref="EccKernel.Name"/>).</summary>
    /// <exception cref="ArgumentException">No kernel has that name.</exception>
    public static EccKernel ByName(string name) =>
        All.FirstOrDefault(kernel => string.Equals(kernel.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No ECC kernel is named '{name}'; there are: {string.Join(", ", All.Select(kernel => kernel.Name))}.", nameof(name));
}
