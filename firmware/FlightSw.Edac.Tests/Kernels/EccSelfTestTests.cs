using FlightSw.Edac.Codec;
using FlightSw.Edac.Kernels;

namespace FlightSw.Edac.Tests.Kernels;

public class EccSelfTestTests
{
    [Test]
    public void Run_AllKernels_OneResultEachInPreferenceOrder()
    {
        var results = EccSelfTest.Run();

        Assert.That(results.Select(result => result.Kernel), Is.EqualTo(EccKernels.All.Select(kernel => kernel.Name)));
        Assert.That(results.Select(result => result.Supported), Is.EqualTo(EccKernels.All.Select(kernel => kernel.IsSupported)));
    }

    [Test]
    public void Run_ThisProcessor_EverySupportedKernelPasses()
    {
        var results = EccSelfTest.Run(seed: 7);

        Assert.That(results.Where(result => result.Supported && !result.Passed), Is.Empty);
        Assert.That(EccSelfTest.AllPassed(results), Is.True);
    }

    [Test]
    public void Run_Scalar_PassesAgainstTheParityCheckMatrixCountingEveryPattern()
    {
        var result = EccSelfTest.Run(ScalarEccKernel.Instance);

        Assert.That(result.Passed, Is.True, result.Detail);
        Assert.That(result.Detail, Does.Contain("parity-check matrix").And.Contain("72 single-bit").And.Contain("2,556 double-bit"));
    }

    [Test]
    public void Run_VectorKernel_NamesScalarAsTheReference()
    {
        var kernel = EccKernels.Supported.FirstOrDefault(candidate => candidate is not ScalarEccKernel);
        if (kernel is null)
        {
            Assert.Ignore("This processor runs no vector ECC kernel.");
        }

        var result = EccSelfTest.Run(kernel);

        Assert.That(result.Passed, Is.True, result.Detail);
        Assert.That(result.Detail, Does.StartWith("matches scalar"));
    }

    [Test]
    public void Run_UnsupportedKernel_NotRunAndNotFailed()
    {
        var result = EccSelfTest.Run(new FakeEccKernel("elsewhere", supported: false, Hsiao7264.Encode));

        Assert.Multiple(() =>
        {
            Assert.That(result.Supported, Is.False);
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Failed, Is.False);
            Assert.That(result.Detail, Does.Contain("not run"));
        });
        Assert.That(EccSelfTest.AllPassed([result]), Is.True);
    }

    [Test]
    public void Run_CorrectFake_Passes()
    {
        var result = EccSelfTest.Run(new FakeEccKernel("fake", supported: true, Hsiao7264.Encode));

        Assert.That(result.Passed, Is.True, result.Detail);
    }

    [Test]
    public void Run_EncodeWrongForRareWords_FailsNamingEncodeAndTheWord()
    {
        // One word value in 256 gets a wrong check bit: random buffers of thousands of words hit it.
        var kernel = new FakeEccKernel("rare", supported: true, word => (byte)(Hsiao7264.Encode(word) ^ ((word & 0xFF) == 0xA5 ? 0x10 : 0)));

        var result = EccSelfTest.Run(kernel);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Detail, Does.Contain("Encode of").And.Contain("word").And.Contain("expected"));
    }

    [Test]
    public void Run_FindFirstErrorBlind_FailsNamingFindFirstError()
    {
        var result = EccSelfTest.Run(new FakeEccKernel("blind", supported: true, Hsiao7264.Encode, blind: true));

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Detail, Does.Contain("FindFirstError"));
    }

    [Test]
    public void Run_KernelThrows_FailsWithTheExceptionAndTestsTheRest()
    {
        var result = EccSelfTest.Run(new FakeEccKernel("throws", supported: true, _ => throw new InvalidOperationException("bad opcode")));

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Detail, Does.Contain("InvalidOperationException").And.Contain("bad opcode"));
    }

    [Test]
    public void Run_SameSeed_SameResults()
    {
        var first = EccSelfTest.Run(seed: 3);
        var second = EccSelfTest.Run(seed: 3);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void AllPassed_OneSupportedFailure_False()
    {
        KernelSelfTestResult[] results =
        [
            new("good", Supported: true, Passed: true, "ok"),
            new("bad", Supported: true, Passed: false, "differs"),
        ];

        Assert.That(EccSelfTest.AllPassed(results), Is.False);
    }
}
