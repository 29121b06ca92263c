using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FlightSw.Edac.Codec;

namespace FlightSw.Edac.Kernels;

/// <summary>
/// The x86 kernel for processors with AVX2 but no GFNI, 32 words (256 bytes) per block. Each
/// 128-bit lane works on 16 words: a VPSHUFB pairs the bytes of two words by position, and an
/// 8x8 transpose of 16-bit elements (VPUNPCK on 16, 32 and 64 bits) leaves register j holding
/// byte j of all 32 words, in word order. Each byte position then looks up its check-byte
/// contribution nibble by nibble (two VPSHUFB into 16-entry tables), and the eight positions
/// are XORed together.
/// </summary>
public sealed class Avx2EccKernel : EccKernel
{
    // Within each lane: bytes of the lane's first word to the even bytes, second word to the odd.
    private static readonly Vector256<byte> PairBytes = Vector256.Create(
        (byte)0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15,
        0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);

    private static readonly Vector256<byte> LowNibble = Vector256.Create((byte)0x0F);

    // Entry 2j holds byte position j's low-nibble table, entry 2j + 1 its high-nibble table.
    private static readonly Vector256<byte>[] NibbleTables = BuildNibbleTables();

    /// <summary>The one instance.</summary>
    public static Avx2EccKernel Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "avx2";

    /// <inheritdoc />
    public override bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public override int BlockWords => 32;

    /// <inheritdoc />
    protected override void EncodeBlocks(ReadOnlySpan<ulong> data, Span<byte> check)
    {
        ref byte source = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(data));
        ref byte target = ref MemoryMarshal.GetReference(check);
        ref Vector256<byte> tables = ref MemoryMarshal.GetArrayDataReference(NibbleTables);
        for (int word = 0; word < data.Length; word += 32)
        {
            CheckBytes(ref Unsafe.Add(ref source, word * 8), ref tables).StoreUnsafe(ref target, (nuint)word);
        }
    }

    /// <inheritdoc />
    protected override int FindFirstErrorBlock(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check)
    {
        ref byte source = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(data));
        ref byte stored = ref MemoryMarshal.GetReference(check);
        ref Vector256<byte> tables = ref MemoryMarshal.GetArrayDataReference(NibbleTables);
        for (int word = 0; word < data.Length; word += 32)
        {
            var syndromes = CheckBytes(ref Unsafe.Add(ref source, word * 8), ref tables) ^ Vector256.LoadUnsafe(ref stored, (nuint)word);
            if (syndromes != Vector256<byte>.Zero)
            {
                return word;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> CheckBytes(ref byte words, ref Vector256<byte> tables)
    {
        // Register r takes words 2r and 2r + 1 in its low lane and words 16 + 2r and 17 + 2r in
        // its high lane, so that the transpose below ends in word order without a cross-lane fix.
        var r0 = PairedWords(ref words, 0);
        var r1 = PairedWords(ref words, 16);
        var r2 = PairedWords(ref words, 32);
        var r3 = PairedWords(ref words, 48);
        var r4 = PairedWords(ref words, 64);
        var r5 = PairedWords(ref words, 80);
        var r6 = PairedWords(ref words, 96);
        var r7 = PairedWords(ref words, 112);

        // 16-bit element k of register r is byte k of its two words; transpose the 8x8
        // elements per lane so that register j holds byte j of the lane's 16 words.
        var t0 = Avx2.UnpackLow(r0, r1).AsUInt32();
        var t1 = Avx2.UnpackHigh(r0, r1).AsUInt32();
        var t2 = Avx2.UnpackLow(r2, r3).AsUInt32();
        var t3 = Avx2.UnpackHigh(r2, r3).AsUInt32();
        var t4 = Avx2.UnpackLow(r4, r5).AsUInt32();
        var t5 = Avx2.UnpackHigh(r4, r5).AsUInt32();
        var t6 = Avx2.UnpackLow(r6, r7).AsUInt32();
        var t7 = Avx2.UnpackHigh(r6, r7).AsUInt32();

        var u0 = Avx2.UnpackLow(t0, t2).AsUInt64();
        var u1 = Avx2.UnpackHigh(t0, t2).AsUInt64();
        var u2 = Avx2.UnpackLow(t1, t3).AsUInt64();
        var u3 = Avx2.UnpackHigh(t1, t3).AsUInt64();
        var u4 = Avx2.UnpackLow(t4, t6).AsUInt64();
        var u5 = Avx2.UnpackHigh(t4, t6).AsUInt64();
        var u6 = Avx2.UnpackLow(t5, t7).AsUInt64();
        var u7 = Avx2.UnpackHigh(t5, t7).AsUInt64();

        var c0 = Contribution(Avx2.UnpackLow(u0, u4), ref tables, 0);
        var c1 = Contribution(Avx2.UnpackHigh(u0, u4), ref tables, 1);
        var c2 = Contribution(Avx2.UnpackLow(u1, u5), ref tables, 2);
        var c3 = Contribution(Avx2.UnpackHigh(u1, u5), ref tables, 3);
        var c4 = Contribution(Avx2.UnpackLow(u2, u6), ref tables, 4);
        var c5 = Contribution(Avx2.UnpackHigh(u2, u6), ref tables, 5);
        var c6 = Contribution(Avx2.UnpackLow(u3, u7), ref tables, 6);
        var c7 = Contribution(Avx2.UnpackHigh(u3, u7), ref tables, 7);

        // A tree, not a chain, so the eight lookups overlap.
        return (c0 ^ c1) ^ (c2 ^ c3) ^ ((c4 ^ c5) ^ (c6 ^ c7));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> PairedWords(ref byte words, int offset)
    {
        var pair = Vector256.Create(Vector128.LoadUnsafe(ref words, (nuint)offset), Vector128.LoadUnsafe(ref words, (nuint)(offset + 128)));
        return Avx2.Shuffle(pair, PairBytes).AsUInt16();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Contribution(Vector256<ulong> position, ref Vector256<byte> tables, int index)
    {
        var bytes = position.AsByte();
        var low = bytes & LowNibble;
        var high = Avx2.ShiftRightLogical(position.AsUInt16(), 4).AsByte() & LowNibble;
        return Avx2.Shuffle(Unsafe.Add(ref tables, 2 * index), low) ^ Avx2.Shuffle(Unsafe.Add(ref tables, 2 * index + 1), high);
    }

    private static Vector256<byte>[] BuildNibbleTables()
    {
        var tables = new Vector256<byte>[2 * 8];
        Span<byte> low = stackalloc byte[32];
        Span<byte> high = stackalloc byte[32];
        for (int position = 0; position < 8; position++)
        {
            // VPSHUFB looks up within each 128-bit lane, so both lanes carry the same table.
            for (int nibble = 0; nibble < 16; nibble++)
            {
                low[nibble] = low[16 + nibble] = HsiaoMatrix.Contribution(position, nibble);
                high[nibble] = high[16 + nibble] = HsiaoMatrix.Contribution(position, nibble << 4);
            }

            tables[2 * position] = Vector256.Create<byte>(low);
            tables[2 * position + 1] = Vector256.Create<byte>(high);
        }

        return tables;
    }
}
