using FlightSw.Edac.Kernels;

namespace FlightSw.Edac.Tests.Kernels;

/// <summary>A kernel whose faults a test chooses: its words' check bytes come from <paramref name="encode"/>.</summary>
internal sealed class FakeEccKernel(string name, bool supported, Func<ulong, byte> encode, bool blind = false) : EccKernel
{
    public override string Name => name;

    public override bool IsSupported => supported;

    public override int BlockWords => 8;

    protected override void EncodeBlocks(ReadOnlySpan<ulong> data, Span<byte> check)
    {
        for (int index = 0; index < data.Length; index++)
        {
            check[index] = encode(data[index]);
        }
    }

    protected override int FindFirstErrorBlock(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check)
    {
        // A blind kernel reports every block clean, as a broken compare would.
        for (int index = 0; index < data.Length && !blind; index++)
        {
            if (encode(data[index]) != check[index])
            {
                return index / BlockWords * BlockWords;
            }
        }

        return -1;
    }
}
