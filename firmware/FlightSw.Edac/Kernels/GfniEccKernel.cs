using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FlightSw.Edac.Kernels;

/// <summary>
/// The x86 kernel for processors with GFNI, AVX-512 and AVX-512 VBMI, 64 words (512 bytes) per
/// block. One VPERMB transposes eight words so that each 64-bit lane holds the same byte
/// position of eight words; one GF2P8AFFINEQB then multiplies every byte by that position's 8x8
/// slice of the parity-check matrix, giving eight parities per byte; a three-level XOR tree
/// across eight such registers folds the positions together and leaves the 64 check bytes in
/// word order.
/// </summary>
public sealed class GfniEccKernel : EccKernel
{
    private static readonly Vector512<byte> Transpose = BuildTranspose();
    private static readonly Vector512<byte> Matrices = BuildMatrices();
    private static readonly Vector512<ulong> EvenLanes = Vector512.Create(0UL, 2, 4, 6, 8, 10, 12, 14);
    private static readonly Vector512<ulong> OddLanes = Vector512.Create(1UL, 3, 5, 7, 9, 11, 13, 15);

    /// <summary>The one instance.</summary>
    public static GfniEccKernel Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "gfni-avx512";

    /// <inheritdoc />
    public override bool IsSupported => Gfni.V512.IsSupported && Avx512F.IsSupported && Avx512Vbmi.IsSupported;

    /// <inheritdoc />
    public override int BlockWords => 64;

    /// <inheritdoc />
    protected override void EncodeBlocks(ReadOnlySpan<ulong> data, Span<byte> check)
    {
        ref byte source = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(data));
        ref byte target = ref MemoryMarshal.GetReference(check);
        for (int word = 0; word < data.Length; word += 64)
        {
            CheckBytes(ref Unsafe.Add(ref source, word * 8)).StoreUnsafe(ref target, (nuint)word);
        }
    }

    /// <inheritdoc />
    protected override int FindFirstErrorBlock(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check)
    {
        ref byte source = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(data));
        ref byte stored = ref MemoryMarshal.GetReference(check);
        for (int word = 0; word < data.Length; word += 64)
        {
            var syndromes = CheckBytes(ref Unsafe.Add(ref source, word * 8)) ^ Vector512.LoadUnsafe(ref stored, (nuint)word);
            if (syndromes != Vector512<byte>.Zero)
            {
                return word;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> CheckBytes(ref byte words)
    {
        var r0 = Parities(ref words, 0);
        var r1 = Parities(ref words, 64);
        var r2 = Parities(ref words, 128);
        var r3 = Parities(ref words, 192);
        var r4 = Parities(ref words, 256);
        var r5 = Parities(ref words, 320);
        var r6 = Parities(ref words, 384);
        var r7 = Parities(ref words, 448);

        // Lane k of register m holds the contribution of byte position k to words 8m..8m+7.
        // Halve the positions three times; each level packs two registers into one.
        var s01 = FoldHalves(r0, r1);
        var s23 = FoldHalves(r2, r3);
        var s45 = FoldHalves(r4, r5);
        var s67 = FoldHalves(r6, r7);
        var t0123 = FoldQuarters(s01, s23);
        var t4567 = FoldQuarters(s45, s67);
        var folded = Avx512F.PermuteVar8x64x2(t0123, EvenLanes, t4567) ^ Avx512F.PermuteVar8x64x2(t0123, OddLanes, t4567);
        return folded.AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Parities(ref byte words, int offset)
    {
        var transposed = Avx512Vbmi.PermuteVar64x8(Vector512.LoadUnsafe(ref words, (nuint)offset), Transpose);
        return Gfni.V512.GaloisFieldAffineTransform(transposed, Matrices, 0).AsUInt64();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> FoldHalves(Vector512<ulong> first, Vector512<ulong> second) =>
        Avx512F.Shuffle4x128(first, second, 0b01_00_01_00) ^ Avx512F.Shuffle4x128(first, second, 0b11_10_11_10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> FoldQuarters(Vector512<ulong> first, Vector512<ulong> second) =>
        Avx512F.Shuffle4x128(first, second, 0b10_00_10_00) ^ Avx512F.Shuffle4x128(first, second, 0b11_01_11_01);

    private static Vector512<byte> BuildTranspose()
    {
        // Destination byte 8k + i takes byte k of word i.
        Span<byte> indices = stackalloc byte[64];
        for (int position = 0; position < 8; position++)
        {
            for (int word = 0; word < 8; word++)
            {
                indices[position * 8 + word] = (byte)(word * 8 + position);
            }
        }

        return Vector512.Create<byte>(indices);
    }

    private static Vector512<byte> BuildMatrices()
    {
        // GF2P8AFFINEQB computes output bit i as the parity of (matrix byte 7 - i) AND the
        // input byte; lane k's matrix is the parity-check matrix restricted to data byte k.
        Span<byte> matrices = stackalloc byte[64];
        for (int position = 0; position < 8; position++)
        {
            for (int row = 0; row < 8; row++)
            {
                int mask = 0;
                for (int bit = 0; bit < 8; bit++)
                {
                    mask |= (Codec.HsiaoMatrix.Columns[position * 8 + bit] >> row & 1) << bit;
                }

                matrices[position * 8 + 7 - row] = (byte)mask;
            }
        }

        return Vector512.Create<byte>(matrices);
    }
}
