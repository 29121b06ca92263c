namespace FlightSw.Edac.Kernels;

/// <summary>What <see cref="EccSelfTest"/> found for one ECC kernel.</summary>
/// <param name="Kernel">The kernel's <see cref="EccKernel.Name"/>.</param>
/// <param name="Supported">True when this processor can run the kernel; an unsupported kernel is not run.</param>
/// <param name="Passed">True when the kernel ran and every result matched the reference; false when it differed, threw, or was not run.</param>
/// <param name="Detail">What was compared when it passed, the first difference when it failed, or why it was not run.</param>
public sealed record KernelSelfTestResult(string Kernel, bool Supported, bool Passed, string Detail)
{
    /// <summary>True when the kernel could run here and did not pass: the one outcome that fails a self test.</summary>
    public bool Failed => Supported && !Passed;
}
