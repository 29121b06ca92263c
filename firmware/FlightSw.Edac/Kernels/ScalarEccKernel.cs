using FlightSw.Edac.Codec;

namespace FlightSw.Edac.Kernels;

/// <summary>
/// The portable kernel, and the reference every other kernel is tested against: eight table
/// lookups per word (the check-byte contribution of each data byte). Runs everywhere.
/// </summary>
public sealed class ScalarEccKernel : EccKernel
{
    /// <summary>The one instance.</summary>
    public static ScalarEccKernel Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "scalar";

    /// <inheritdoc />
    public override bool IsSupported => true;

    /// <inheritdoc />
    public override int BlockWords => 4;

    /// <inheritdoc />
    protected override void EncodeBlocks(ReadOnlySpan<ulong> data, Span<byte> check)
    {
        for (int index = 0; index < data.Length; index++)
        {
            check[index] = Hsiao7264.Encode(data[index]);
        }
    }

    /// <inheritdoc />
    protected override int FindFirstErrorBlock(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check)
    {
        // Four independent lookup chains per step keep the load ports busy.
        for (int index = 0; index < data.Length; index += 4)
        {
            int any = (Hsiao7264.Encode(data[index]) ^ check[index])
                | (Hsiao7264.Encode(data[index + 1]) ^ check[index + 1])
                | (Hsiao7264.Encode(data[index + 2]) ^ check[index + 2])
                | (Hsiao7264.Encode(data[index + 3]) ^ check[index + 3]);
            if (any != 0)
            {
                return index;
            }
        }

        return -1;
    }
}
