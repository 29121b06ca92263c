using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using FlightSw.Edac.Codec;

namespace FlightSw.Edac.Kernels;

/// <summary>
/// The ARM64 kernel (ARMv8-A Advanced SIMD, as on Raspberry Pi 4 and 5 and Jetson Orin), 16
/// words (128 bytes) per block. Three rounds of UZP1/UZP2 over the eight registers unshuffle
/// the bytes so that register j holds byte j of all 16 words, in word order. Each byte
/// position then looks up its check-byte contribution nibble by nibble (two TBL into 16-entry
/// tables), and the eight positions are XORed together.
/// </summary>
public sealed class AdvSimdEccKernel : EccKernel
{
    private static readonly Vector128<byte> LowNibble = Vector128.Create((byte)0x0F);

    // Entry 2j holds byte position j's low-nibble table, entry 2j + 1 its high-nibble table.
    private static readonly Vector128<byte>[] NibbleTables = BuildNibbleTables();

    /// <summary>The one instance.</summary>
    public static AdvSimdEccKernel Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "advsimd";

    /// <inheritdoc />
    public override bool IsSupported => AdvSimd.Arm64.IsSupported;

    /// <inheritdoc />
    public override int BlockWords => 16;

    /// <inheritdoc />
    protected override void EncodeBlocks(ReadOnlySpan<ulong> data, Span<byte> check)
    {
        ref byte source = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(data));
        ref byte target = ref MemoryMarshal.GetReference(check);
        ref Vector128<byte> tables = ref MemoryMarshal.GetArrayDataReference(NibbleTables);
        for (int word = 0; word < data.Length; word += 16)
        {
            CheckBytes(ref Unsafe.Add(ref source, word * 8), ref tables).StoreUnsafe(ref target, (nuint)word);
        }
    }

    /// <inheritdoc />
    protected override int FindFirstErrorBlock(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check)
    {
        ref byte source = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(data));
        ref byte stored = ref MemoryMarshal.GetReference(check);
        ref Vector128<byte> tables = ref MemoryMarshal.GetArrayDataReference(NibbleTables);
        for (int word = 0; word < data.Length; word += 16)
        {
            var syndromes = CheckBytes(ref Unsafe.Add(ref source, word * 8), ref tables) ^ Vector128.LoadUnsafe(ref stored, (nuint)word);
            if (syndromes != Vector128<byte>.Zero)
            {
                return word;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> CheckBytes(ref byte words, ref Vector128<byte> tables)
    {
        var v0 = Vector128.LoadUnsafe(ref words, 0);
        var v1 = Vector128.LoadUnsafe(ref words, 16);
        var v2 = Vector128.LoadUnsafe(ref words, 32);
        var v3 = Vector128.LoadUnsafe(ref words, 48);
        var v4 = Vector128.LoadUnsafe(ref words, 64);
        var v5 = Vector128.LoadUnsafe(ref words, 80);
        var v6 = Vector128.LoadUnsafe(ref words, 96);
        var v7 = Vector128.LoadUnsafe(ref words, 112);

        // Byte e of the 128 is byte e % 8 of word e / 8. Each round sends the even bytes of a
        // register pair to the first half and the odd ones to the second, rotating e's seven
        // bits right by one; after three, byte position j of the 16 words sits in register j.
        var a0 = AdvSimd.Arm64.UnzipEven(v0, v1);
        var a1 = AdvSimd.Arm64.UnzipEven(v2, v3);
        var a2 = AdvSimd.Arm64.UnzipEven(v4, v5);
        var a3 = AdvSimd.Arm64.UnzipEven(v6, v7);
        var a4 = AdvSimd.Arm64.UnzipOdd(v0, v1);
        var a5 = AdvSimd.Arm64.UnzipOdd(v2, v3);
        var a6 = AdvSimd.Arm64.UnzipOdd(v4, v5);
        var a7 = AdvSimd.Arm64.UnzipOdd(v6, v7);

        var b0 = AdvSimd.Arm64.UnzipEven(a0, a1);
        var b1 = AdvSimd.Arm64.UnzipEven(a2, a3);
        var b2 = AdvSimd.Arm64.UnzipEven(a4, a5);
        var b3 = AdvSimd.Arm64.UnzipEven(a6, a7);
        var b4 = AdvSimd.Arm64.UnzipOdd(a0, a1);
        var b5 = AdvSimd.Arm64.UnzipOdd(a2, a3);
        var b6 = AdvSimd.Arm64.UnzipOdd(a4, a5);
        var b7 = AdvSimd.Arm64.UnzipOdd(a6, a7);

        var c0 = Contribution(AdvSimd.Arm64.UnzipEven(b0, b1), ref tables, 0);
        var c1 = Contribution(AdvSimd.Arm64.UnzipEven(b2, b3), ref tables, 1);
        var c2 = Contribution(AdvSimd.Arm64.UnzipEven(b4, b5), ref tables, 2);
        var c3 = Contribution(AdvSimd.Arm64.UnzipEven(b6, b7), ref tables, 3);
        var c4 = Contribution(AdvSimd.Arm64.UnzipOdd(b0, b1), ref tables, 4);
        var c5 = Contribution(AdvSimd.Arm64.UnzipOdd(b2, b3), ref tables, 5);
        var c6 = Contribution(AdvSimd.Arm64.UnzipOdd(b4, b5), ref tables, 6);
        var c7 = Contribution(AdvSimd.Arm64.UnzipOdd(b6, b7), ref tables, 7);

        // A tree, not a chain, so the eight lookups overlap.
        return (c0 ^ c1) ^ (c2 ^ c3) ^ ((c4 ^ c5) ^ (c6 ^ c7));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Contribution(Vector128<byte> position, ref Vector128<byte> tables, int index)
    {
        // A byte shift needs no mask: ARM shifts 8-bit lanes.
        var low = position & LowNibble;
        var high = AdvSimd.ShiftRightLogical(position, 4);
        return AdvSimd.Arm64.VectorTableLookup(Unsafe.Add(ref tables, 2 * index), low)
            ^ AdvSimd.Arm64.VectorTableLookup(Unsafe.Add(ref tables, 2 * index + 1), high);
    }

    private static Vector128<byte>[] BuildNibbleTables()
    {
        var tables = new Vector128<byte>[2 * 8];
        Span<byte> low = stackalloc byte[16];
        Span<byte> high = stackalloc byte[16];
        for (int position = 0; position < 8; position++)
        {
            for (int nibble = 0; nibble < 16; nibble++)
            {
                low[nibble] = HsiaoMatrix.Contribution(position, nibble);
                high[nibble] = HsiaoMatrix.Contribution(position, nibble << 4);
            }

            tables[2 * position] = Vector128.Create<byte>(low);
            tables[2 * position + 1] = Vector128.Create<byte>(high);
        }

        return tables;
    }
}
