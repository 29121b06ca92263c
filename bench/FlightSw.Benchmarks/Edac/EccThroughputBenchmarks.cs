using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FlightSw.Edac.Kernels;

namespace FlightSw.Benchmarks.Edac;

/// <summary>
/// ECC throughput on a 64 MiB buffer (far larger than the caches, as model weights are): encode
/// and scrub-verify (find the first word whose syndrome is not zero, on clean memory: a full
/// pass) for every kernel this processor runs, against a plain vectorised read (XOR of every
/// word) of the same buffer in the same run. The GB/s column counts data bytes; "of plain read"
/// is the plain read's time over the case's time, so 50 % means half the plain-read throughput.
/// </summary>
[Config(typeof(EccThroughputConfig))]
public class EccThroughputBenchmarks
{
    /// <summary>Size of the data buffer: 64 MiB.</summary>
    public const int BufferBytes = 64 << 20;

    private ulong[] _data = null!;
    private byte[] _check = null!;
    private EccKernel _kernel = null!;

    [ParamsSource(nameof(KernelNames))]
    public string Kernel { get; set; } = "scalar";

    public static IEnumerable<string> KernelNames => EccKernels.Supported.Select(kernel => kernel.Name);

    [GlobalSetup]
    public void Setup()
    {
        _kernel = EccKernels.ByName(Kernel);
        _data = GC.AllocateUninitializedArray<ulong>(BufferBytes / sizeof(ulong), pinned: true);
        new Random(1).NextBytes(MemoryMarshal.AsBytes(_data.AsSpan()));
        _check = GC.AllocateUninitializedArray<byte>(_data.Length, pinned: true);
        ScalarEccKernel.Instance.Encode(_data, _check);
    }

    [Benchmark(Baseline = true, Description = "plain read (XOR)")]
    public ulong PlainRead()
    {
        var words = _data.AsSpan();
        var accumulator = Vector512<ulong>.Zero;
        var second = Vector512<ulong>.Zero;
        int index = 0;
        for (; index + 16 <= words.Length; index += 16)
        {
            accumulator ^= Vector512.Create<ulong>(words.Slice(index, 8));
            second ^= Vector512.Create<ulong>(words.Slice(index + 8, 8));
        }

        ulong result = Vector512.Xor(accumulator, second).ToScalar();
        for (; index < words.Length; index++)
        {
            result ^= words[index];
        }

        return result;
    }

    [Benchmark(Description = "encode")]
    public byte Encode()
    {
        _kernel.Encode(_data, _check);
        return _check[^1];
    }

    [Benchmark(Description = "scrub-verify")]
    public int ScrubVerify()
    {
        int found = _kernel.FindFirstError(_data, _check);
        if (found >= 0)
        {
            throw new InvalidOperationException($"The clean buffer has an error at word {found}: the {_kernel.Name} kernel disagrees with scalar.");
        }

        return found;
    }

    private sealed class EccThroughputConfig : ManualConfig
    {
        public EccThroughputConfig()
        {
            AddColumn(new ThroughputColumn(BufferBytes));
            AddColumn(new FractionOfBaselineColumn());
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
