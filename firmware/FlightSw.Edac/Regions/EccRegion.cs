using System.Numerics;
using System.Runtime.InteropServices;
using FlightSw.Edac.Codec;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Kernels;
using FlightSw.Edac.Recovery;
using FlightSw.Hal.Memory;

namespace FlightSw.Edac.Regions;

/// <summary>
/// A block of memory protected by the Hsiao (72,64) SEC-DED code: 64-bit data words, each with
/// its eight check bits. Reads through <see cref="ReadWord"/>, <see cref="ReadBytes"/> and
/// <see cref="View{T}"/> correct a single wrong bit in place; <see cref="Scrub"/> sweeps a range
/// with the vector kernel; words the code cannot correct go to the region's
/// <see cref="Recovery"/> through <see cref="Recover"/>. Starts all zero (the check byte of zero is zero).
/// </summary>
/// <remarks>
/// <para>
/// Storage: data words live in one <c>ulong[]</c> and check bytes in one <c>byte[]</c>, both in
/// logical order, so scrubbing and <see cref="Raw{T}"/> work on contiguous memory. Interleaving is
/// the mapping from physical bit numbers (what radiation or a fault-injection command hits,
/// <see cref="IUpsetTarget"/>) to logical codewords: data bits [0, 64W) then check bits
/// [64W, 72W); with depth D each area is cut into blocks of D codewords and bit i of a block
/// belongs to codeword i % D, bit i / D. On real hardware that physical interleaving is the
/// memory controller's or array's job; FlightSw keeps the mapping explicit so that injected
/// multi-bit upsets land as they would in an interleaved array.
/// </para>
/// <para>Not thread-safe: like the rest of the flight software it is used from the flight thread only.</para>
/// </remarks>
public sealed class EccRegion : IUpsetTarget
{
    private readonly ulong[] _words;
    private readonly byte[] _checks;
    private readonly PhysicalBitLayout _layout;

    /// <summary>Creates an all-zero region.</summary>
    /// <param name="options">Name, size, importance, interleaving and recovery; validated here.</param>
    /// <param name="kernel">The bulk ECC kernel; null picks <see cref="EccKernels.Best"/>.</param>
    /// <exception cref="ArgumentException">The options break a rule, or this processor cannot run <paramref name="kernel"/>.</exception>
    public EccRegion(EccRegionOptions options, EccKernel? kernel = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        kernel ??= EccKernels.Best;
        if (!kernel.IsSupported)
        {
            throw new ArgumentException($"ECC region '{options.Name}' cannot use the {kernel.Name} kernel: this processor cannot run it.", nameof(kernel));
        }

        Name = options.Name;
        WordCount = options.WordCount;
        Importance = options.Importance;
        InterleaveDepth = options.InterleaveDepth;
        Recovery = options.Recovery;
        Kernel = kernel;
        _words = new ulong[WordCount];
        _checks = new byte[WordCount];
        _layout = new PhysicalBitLayout(WordCount, InterleaveDepth);
    }

    /// <summary>Unique name of the region.</summary>
    public string Name { get; }

    /// <summary>64-bit data words in the region.</summary>
    public int WordCount { get; }

    /// <summary>Data bytes in the region: 8 per word.</summary>
    public long ByteCount => (long)WordCount * sizeof(ulong);

    /// <summary>Scrub priority.</summary>
    public RegionImportance Importance { get; }

    /// <summary>Codewords interleaved in the physical array; 1 means none.</summary>
    public int InterleaveDepth { get; }

    /// <summary>True when <see cref="InterleaveDepth"/> is more than 1.</summary>
    public bool IsInterleaved => InterleaveDepth > 1;

    /// <summary>What <see cref="Recover"/> does with uncorrectable words.</summary>
    public RegionRecovery Recovery { get; }

    /// <summary>The bulk ECC kernel used to encode and scrub.</summary>
    public EccKernel Kernel { get; }

    /// <summary>Words corrected (one wrong bit) since creation, by reads and scrubs.</summary>
    public long CorrectedWords { get; private set; }

    /// <summary>Of <see cref="CorrectedWords"/>, those whose wrong bit was a check bit.</summary>
    public long CorrectedCheckBits { get; private set; }

    /// <summary>Uncorrectable words detected since creation, by reads and scrubs (each detection counts).</summary>
    public long UncorrectableWords { get; private set; }

    /// <summary>Words restored by <see cref="Recover"/> since creation.</summary>
    public long RecoveredWords { get; private set; }

    /// <summary>Bits (data and check) that differed when <see cref="Recover"/> restored words, since creation.</summary>
    public long RecoveredBits { get; private set; }

    /// <summary>Physical bits an upset can hit: 72 per word.</summary>
    public long BitCount => _layout.BitCount;

    /// <summary>The data bytes, in logical order.</summary>
    internal Span<byte> DataBytes => MemoryMarshal.AsBytes(_words.AsSpan());

    /// <summary>Correcting read of word <paramref name="index"/>: a single wrong bit is corrected in place and counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the region.</exception>
    /// <exception cref="UncorrectableWordException">The word has more wrong bits than the code corrects.</exception>
    public ulong ReadWord(int index)
    {
        CorrectOrThrow(index);
        return _words[index];
    }

    /// <summary>Like <see cref="ReadWord"/> without throwing: <paramref name="value"/> is the stored data when uncorrectable.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the region.</exception>
    public CodewordCheck TryReadWord(int index, out ulong value)
    {
        RequireWord(index);
        var check = CorrectWord(index);
        value = _words[index];
        return check;
    }

    /// <summary>Writes <paramref name="value"/> to word <paramref name="index"/> with its check byte.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the region.</exception>
    public void WriteWord(int index, ulong value)
    {
        RequireWord(index);
        _words[index] = value;
        _checks[index] = Hsiao7264.Encode(value);
    }

    /// <summary>
    /// Writes data bytes in logical order from word <paramref name="startWord"/>, encoding them with
    /// the kernel; a short last word is zero padded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The bytes do not fit from <paramref name="startWord"/>.</exception>
    public void Load(ReadOnlySpan<byte> bytes, int startWord = 0)
    {
        int words = (int)((bytes.Length + (long)sizeof(ulong) - 1) / sizeof(ulong));
        if (startWord < 0 || startWord > WordCount - words)
        {
            throw new ArgumentOutOfRangeException(nameof(startWord), startWord, $"{bytes.Length} bytes ({words} words) from word {startWord} do not fit ECC region '{Name}' of {WordCount} words.");
        }

        var target = _words.AsSpan(startWord, words);
        if (words > 0)
        {
            target[^1] = 0;
        }

        bytes.CopyTo(MemoryMarshal.AsBytes(target));
        Kernel.Encode(target, _checks.AsSpan(startWord, words));
    }

    /// <summary>Correcting read of data bytes [<paramref name="startByte"/>, + destination length) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the region.</exception>
    /// <exception cref="UncorrectableWordException">A word of the range has more wrong bits than the code corrects.</exception>
    public void ReadBytes(long startByte, Span<byte> destination)
    {
        if (startByte < 0 || startByte > ByteCount - destination.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(startByte), startByte, $"{destination.Length} bytes from byte {startByte} are outside ECC region '{Name}' of {ByteCount} bytes.");
        }

        if (destination.IsEmpty)
        {
            return;
        }

        int first = (int)(startByte / sizeof(ulong));
        int last = (int)((startByte + destination.Length - 1) / sizeof(ulong));
        CorrectRangeOrThrow(first, last - first + 1);
        DataBytes.Slice((int)startByte, destination.Length).CopyTo(destination);
    }

    /// <summary>
    /// A typed view of the data bytes: element i is bytes [i * sizeof(T), (i + 1) * sizeof(T)).
    /// Reads correct the words an element covers; writes correct them, then re-encode.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is larger than <see cref="EccView{T}.MaxElementSize"/> bytes.</exception>
    public EccView<T> View<T>()
        where T : unmanaged => new(this);

    /// <summary>
    /// The data as stored, uncorrected, for bulk consumers (inference) that rely on scrubbing and
    /// voting. Only for regions without interleaving: interleaved regions hold control data that
    /// is read through the correcting accessors.
    /// </summary>
    /// <exception cref="InvalidOperationException">The region is interleaved.</exception>
    public ReadOnlySpan<T> Raw<T>()
        where T : unmanaged
    {
        if (IsInterleaved)
        {
            throw new InvalidOperationException($"ECC region '{Name}' is interleaved (depth {InterleaveDepth}); read it through ReadWord, ReadBytes or View, not Raw.");
        }

        return MemoryMarshal.Cast<ulong, T>(_words);
    }

    /// <summary>
    /// Checks words [<paramref name="startWord"/>, + <paramref name="wordCount"/>) with the kernel,
    /// corrects single errors in place, and lists the uncorrectable words. Clean memory is only read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the region.</exception>
    public RegionScrubResult Scrub(int startWord, int wordCount)
    {
        RequireRange(startWord, wordCount);
        int end = startWord + wordCount;
        int corrected = 0;
        int correctedCheckBits = 0;
        List<int>? uncorrectable = null;
        int next = startWord;
        while (next < end)
        {
            int found = Kernel.FindFirstError(_words.AsSpan(next, end - next), _checks.AsSpan(next, end - next));
            if (found < 0)
            {
                break;
            }

            int index = next + found;
            var check = CorrectWord(index);
            if (check.Status == CodewordStatus.Corrected)
            {
                corrected++;
                correctedCheckBits += check.IsCheckBit ? 1 : 0;
            }
            else if (check.Status == CodewordStatus.Uncorrectable)
            {
                (uncorrectable ??= []).Add(index);
            }

            next = index + 1;
        }

        return new RegionScrubResult(wordCount, corrected, correctedCheckBits, uncorrectable ?? RegionScrubResult.NoWords);
    }

    /// <summary>
    /// Applies the region's <see cref="Recovery"/> to <paramref name="words"/> (duplicates are
    /// recovered once). All or nothing: Escalated or Failed leave the region unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A word index is outside the region.</exception>
    public RecoveryResult Recover(IReadOnlyList<int> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (int word in words)
        {
            RequireWord(word);
        }

        int[] distinct = [.. words.Distinct().Order()];
        if (distinct.Length == 0)
        {
            return new RecoveryResult(RecoveryOutcome.Recovered, 0, 0, $"ECC region '{Name}' had no words to recover.");
        }

        return Recovery.Apply(this, distinct);
    }

    /// <summary>
    /// Words whose content, corrected where the code can, differs from the verified golden image;
    /// an uncorrectable word counts as a mismatch. Read-only: corrects nothing and counts nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The region does not recover from a golden image.</exception>
    /// <exception cref="GoldenImageException">The golden image is unreadable, fails its checksum, or does not fit the region.</exception>
    public int CountGoldenMismatches()
    {
        if (Recovery is not GoldenImageRecovery golden)
        {
            throw new InvalidOperationException($"ECC region '{Name}' does not recover from a golden image (its recovery is: {Recovery.Description}).");
        }

        if (!golden.TryLoadFor(this, out var image, out var failure))
        {
            throw new GoldenImageException(golden.Image.Path, failure);
        }

        int mismatches = 0;
        for (int index = 0; index < WordCount; index++)
        {
            ulong data = _words[index];
            byte check = _checks[index];
            bool readable = Hsiao7264.Correct(ref data, ref check).Status != CodewordStatus.Uncorrectable;
            mismatches += readable && data == GoldenImageRecovery.WordOf(image, index) ? 0 : 1;
        }

        return mismatches;
    }

    /// <summary>Inverts physical bit <paramref name="physicalBit"/> (see the remarks for the layout).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="physicalBit"/> is outside [0, <see cref="BitCount"/>).</exception>
    public void FlipBit(long physicalBit)
    {
        var location = _layout.Locate(physicalBit);
        int word = (int)location.Codeword;
        if (location.Bit < Hsiao7264.DataBits)
        {
            _words[word] ^= 1UL << location.Bit;
        }
        else
        {
            _checks[word] ^= (byte)(1 << (location.Bit - Hsiao7264.DataBits));
        }
    }

    /// <summary>The logical word and codeword bit (0 to 63 data, 64 to 71 check) of physical bit <paramref name="physicalBit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="physicalBit"/> is outside [0, <see cref="BitCount"/>).</exception>
    public CodewordBit Locate(long physicalBit) => _layout.Locate(physicalBit);

    /// <summary>The physical bit of codeword bit <paramref name="bit"/> (0 to 71) of word <paramref name="word"/>: the inverse of <see cref="Locate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The word or bit is out of range.</exception>
    public long PhysicalBitOf(int word, int bit) => _layout.PhysicalBit(word, bit);

    /// <inheritdoc />
    public long PhysicalBitOf(CodewordBit location)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(location.Codeword);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(location.Codeword, WordCount);
        return PhysicalBitOf((int)location.Codeword, location.Bit);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({WordCount} words, {Importance}, interleave {InterleaveDepth}, {Recovery.Description})";

    /// <summary>
    /// Rewrites word <paramref name="index"/> with <paramref name="value"/> re-encoded, for recovery;
    /// counts it and returns the data and check bits that differed.
    /// </summary>
    internal long Restore(int index, ulong value)
    {
        byte check = Hsiao7264.Encode(value);
        long bits = BitOperations.PopCount(_words[index] ^ value) + BitOperations.PopCount((uint)(_checks[index] ^ check));
        _words[index] = value;
        _checks[index] = check;
        RecoveredWords++;
        RecoveredBits += bits;
        return bits;
    }

    /// <summary>Corrects words [<paramref name="first"/>, + <paramref name="count"/>), throwing at the first uncorrectable one.</summary>
    internal void CorrectRangeOrThrow(int first, int count)
    {
        int end = first + count;
        int next = first;
        while (next < end)
        {
            int found = Kernel.FindFirstError(_words.AsSpan(next, end - next), _checks.AsSpan(next, end - next));
            if (found < 0)
            {
                return;
            }

            CorrectOrThrow(next + found);
            next += found + 1;
        }
    }

    /// <summary>Re-encodes words [<paramref name="first"/>, + <paramref name="count"/>) after their data bytes changed.</summary>
    internal void Reencode(int first, int count) =>
        Kernel.Encode(_words.AsSpan(first, count), _checks.AsSpan(first, count));

    private void CorrectOrThrow(int index)
    {
        RequireWord(index);
        if (CorrectWord(index).Status == CodewordStatus.Uncorrectable)
        {
            throw new UncorrectableWordException(Name, index);
        }
    }

    /// <summary>Checks word <paramref name="index"/>, corrects a single wrong bit in place, and counts what it found.</summary>
    internal CodewordCheck CorrectWord(int index)
    {
        var check = Hsiao7264.Correct(ref _words[index], ref _checks[index]);
        switch (check.Status)
        {
            case CodewordStatus.Corrected:
                CorrectedWords++;
                CorrectedCheckBits += check.IsCheckBit ? 1 : 0;
                break;
            case CodewordStatus.Uncorrectable:
                UncorrectableWords++;
                break;
        }

        return check;
    }

    private void RequireWord(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, WordCount);
    }

    private void RequireRange(int startWord, int wordCount)
    {
        if (startWord < 0 || wordCount < 0 || startWord > WordCount - wordCount)
        {
            throw new ArgumentOutOfRangeException(nameof(startWord), startWord, $"Words [{startWord}, +{wordCount}) are outside ECC region '{Name}' of {WordCount} words.");
        }
    }
}
