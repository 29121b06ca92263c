using FlightSw.Edac.Codec;

namespace FlightSw.Edac.Kernels;

/// <summary>
/// Bulk Hsiao (72,64) work over a buffer of 64-bit words and their check bytes (one check byte
/// per word, same index): encode, syndromes, and the scrubber's hot loop, finding the first word
/// whose syndrome is not zero. Each processor family gets its own kernel, chosen at run time by
/// <see cref="IsSupported"/>; every kernel gives bit-identical results to
/// <see cref="ScalarEccKernel"/>. A kernel handles whole blocks of <see cref="BlockWords"/> words
/// with vector instructions and the remainder word by word.
/// </summary>
public abstract class EccKernel
{
    /// <summary>Short name of the instruction set the kernel uses, for example <c>gfni-avx512</c>.</summary>
    public abstract string Name { get; }

    /// <summary>True when this processor can run the kernel.</summary>
    public abstract bool IsSupported { get; }

    /// <summary>Words the vector code handles at once.</summary>
    public abstract int BlockWords { get; }

    /// <summary>Writes the check byte of every word of <paramref name="data"/> to <paramref name="check"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="check"/> is shorter than <paramref name="data"/>.</exception>
    public void Encode(ReadOnlySpan<ulong> data, Span<byte> check)
    {
        RequireRunnable();
        if (check.Length < data.Length)
        {
            throw new ArgumentException($"The check buffer holds {check.Length} bytes for {data.Length} words.", nameof(check));
        }

        int vectorWords = data.Length / BlockWords * BlockWords;
        if (vectorWords > 0)
        {
            EncodeBlocks(data[..vectorWords], check[..vectorWords]);
        }

        for (int index = vectorWords; index < data.Length; index++)
        {
            check[index] = Hsiao7264.Encode(data[index]);
        }
    }

    /// <summary>Writes each word's syndrome (recomputed check bits XOR stored ones) to <paramref name="syndromes"/>.</summary>
    public void ComputeSyndromes(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check, Span<byte> syndromes)
    {
        RequireSameLength(data, check);
        if (syndromes.Length < data.Length)
        {
            throw new ArgumentException($"The syndrome buffer holds {syndromes.Length} bytes for {data.Length} words.", nameof(syndromes));
        }

        Encode(data, syndromes);
        for (int index = 0; index < data.Length; index++)
        {
            syndromes[index] ^= check[index];
        }
    }

    /// <summary>
    /// The index of the first word whose syndrome is not zero (a single or multiple bit error),
    /// or -1 when every word checks. This is scrub-verify: clean memory is only read.
    /// </summary>
    public int FindFirstError(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check)
    {
        RequireRunnable();
        RequireSameLength(data, check);
        int vectorWords = data.Length / BlockWords * BlockWords;
        int start = 0;
        while (start < vectorWords)
        {
            int block = FindFirstErrorBlock(data[start..vectorWords], check[start..vectorWords]);
            if (block < 0)
            {
                break;
            }

            // The vector code names the block; the word within it is found word by word.
            int blockStart = start + block;
            int blockEnd = Math.Min(blockStart + BlockWords, vectorWords);
            for (int index = blockStart; index < blockEnd; index++)
            {
                if (Hsiao7264.Syndrome(data[index], check[index]) != 0)
                {
                    return index;
                }
            }

            start = blockEnd;
        }

        for (int index = vectorWords; index < data.Length; index++)
        {
            if (Hsiao7264.Syndrome(data[index], check[index]) != 0)
            {
                return index;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Encodes whole blocks: <paramref name="data"/> holds a multiple of <see cref="BlockWords"/> words.</summary>
    protected abstract void EncodeBlocks(ReadOnlySpan<ulong> data, Span<byte> check);

    /// <summary>
    /// Scans whole blocks and returns the index of the first word of the first block holding a
    /// non-zero syndrome, or -1 when every block checks.
    /// </summary>
    protected abstract int FindFirstErrorBlock(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check);

    private static void RequireSameLength(ReadOnlySpan<ulong> data, ReadOnlySpan<byte> check)
    {
        if (check.Length != data.Length)
        {
            throw new ArgumentException($"The check buffer holds {check.Length} bytes for {data.Length} words; it needs one byte per word.", nameof(check));
        }
    }

    private void RequireRunnable()
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException($"The {Name} ECC kernel cannot run on this processor.");
        }
    }
}
