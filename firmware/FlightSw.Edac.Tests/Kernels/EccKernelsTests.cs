using FlightSw.Edac.Kernels;

namespace FlightSw.Edac.Tests.Kernels;

public class EccKernelsTests
{
    [Test]
    public void Supported_AlwaysIncludesScalar()
    {
        Assert.That(EccKernels.Supported, Does.Contain(ScalarEccKernel.Instance));
    }

    [Test]
    public void Best_IsFirstSupportedInPreferenceOrder()
    {
        Assert.That(EccKernels.Best, Is.SameAs(EccKernels.All.First(kernel => kernel.IsSupported)));
    }

    [Test]
    public void All_FastestFirst_GfniAvx2AdvSimdThenScalar()
    {
        Assert.That(EccKernels.All.Select(kernel => kernel.Name), Is.EqualTo(new[] { "gfni-avx512", "avx2", "advsimd", "scalar" }));
    }

    [Test]
    public void All_NamesAreUnique()
    {
        Assert.That(EccKernels.All.Select(kernel => kernel.Name), Is.Unique);
    }

    [Test]
    public void ByName_Unknown_ListsTheKernels()
    {
        Assert.That(() => EccKernels.ByName("sse9"), Throws.ArgumentException.With.Message.Contains("scalar"));
    }

    [Test]
    public void ByName_AnyCase_FindsKernel()
    {
        Assert.That(EccKernels.ByName("SCALAR"), Is.SameAs(ScalarEccKernel.Instance));
    }
}
