using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using FlightSw.Edac.Codec;

namespace FlightSw.Edac.Kernels;

/// <summary>
/// The built-in self test of the ECC kernels, for CI and for a board at bring-up: every kernel
/// this processor can run is compared with <see cref="ScalarEccKernel"/> (and the scalar kernel
/// with the parity-check matrix itself) through <see cref="EccKernel.Encode"/>,
/// <see cref="EccKernel.ComputeSyndromes"/> and <see cref="EccKernel.FindFirstError"/>: on
/// random buffers of <see cref="Lengths"/> words, clean and corrupted, and with each of the 72
/// single-bit and 2,556 double-bit errors injected into a random word. Each error must also
/// decode as the code promises: a single one as Corrected at its bit, a double one as
/// Uncorrectable. The same seed gives the same buffers.
/// </summary>
public static class EccSelfTest
{
    /// <summary>
    /// Buffer lengths in words: empty, shorter than a block, and on either side of multiples of
    /// every kernel's block (4, 16, 32 and 64 words), so that both the vector blocks and the
    /// word-by-word remainder are run.
    /// </summary>
    public static IReadOnlyList<int> Lengths { get; } = [0, 1, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 200, 1000, 4096 + 13];

    /// <summary>Words in the buffer that the single and double-bit errors are injected into: four 64-word blocks and a remainder.</summary>
    public const int ErrorBufferWords = 4 * 64 + 5;

    /// <summary>Single-bit error patterns of a 72-bit codeword.</summary>
    public const int SinglePatterns = Hsiao7264.CodewordBits;

    /// <summary>Double-bit error patterns of a 72-bit codeword: 72 choose 2.</summary>
    public const int DoublePatterns = Hsiao7264.CodewordBits * (Hsiao7264.CodewordBits - 1) / 2;

    /// <summary>Tests every kernel of <see cref="EccKernels.All"/>, in that order; unsupported ones are listed, not run.</summary>
    public static IReadOnlyList<KernelSelfTestResult> Run(int seed = 1) => [.. EccKernels.All.Select(kernel => Run(kernel, seed))];

    /// <summary>Tests one kernel; an unsupported kernel is reported as not run.</summary>
    public static KernelSelfTestResult Run(EccKernel kernel, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (!kernel.IsSupported)
        {
            return new KernelSelfTestResult(kernel.Name, Supported: false, Passed: false, "not run: this processor cannot run it");
        }

        string reference = kernel is ScalarEccKernel ? "the parity-check matrix" : ScalarEccKernel.Instance.Name;
        string? failure;
        try
        {
            var random = new Random(seed);
            failure = CheckBuffers(kernel, random) ?? CheckSingleErrors(kernel, random) ?? CheckDoubleErrors(kernel, random);
        }
        catch (Exception ex)
        {
            // A kernel that throws on this board has failed; the other kernels are still tested.
            failure = $"threw {ex.GetType().Name}: {ex.Message}";
        }

        return failure is null
            ? new KernelSelfTestResult(kernel.Name, Supported: true, Passed: true, string.Create(
                CultureInfo.InvariantCulture,
                $"matches {reference} on {Lengths.Count} buffer lengths, {SinglePatterns} single-bit and {DoublePatterns:N0} double-bit errors"))
            : new KernelSelfTestResult(kernel.Name, Supported: true, Passed: false, $"differs from {reference}: {failure}");
    }

    /// <summary>True when every kernel that this processor can run passed.</summary>
    public static bool AllPassed(IEnumerable<KernelSelfTestResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.All(result => !result.Failed);
    }

    private static string? CheckBuffers(EccKernel kernel, Random random)
    {
        foreach (int length in Lengths)
        {
            var data = RandomWords(length, random);
            var expected = ExpectedChecks(kernel, data);
            var actual = new byte[length];
            kernel.Encode(data, actual);
            if (FirstDifference(actual, expected) is int word)
            {
                return Describe($"Encode of {length} words: word {word} gives 0x{actual[word]:X2}, expected 0x{expected[word]:X2}");
            }

            int clean = kernel.FindFirstError(data, expected);
            if (clean != -1)
            {
                return Describe($"FindFirstError on {length} clean words gives {clean}, expected -1");
            }

            // Upsets in about one word in ten, some words hit twice or more.
            for (int flip = 0; flip < length / 10 + 1 && length > 0; flip++)
            {
                FlipBit(data, expected, random.Next(length), random.Next(Hsiao7264.CodewordBits));
            }

            if (CompareCorrupted(kernel, data, expected, $"{length} randomly corrupted words") is string failure)
            {
                return failure;
            }
        }

        return null;
    }

    private static string? CheckSingleErrors(EccKernel kernel, Random random)
    {
        var data = RandomWords(ErrorBufferWords, random);
        var check = ExpectedChecks(kernel, data);
        for (int bit = 0; bit < SinglePatterns; bit++)
        {
            int word = random.Next(data.Length);
            FlipBit(data, check, word, bit);
            string? failure = CompareCorrupted(kernel, data, check, $"bit {bit} flipped in word {word}")
                ?? ExpectDecoded(kernel, data, check, word, CodewordStatus.Corrected, bit, $"bit {bit} flipped in word {word}");
            FlipBit(data, check, word, bit);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    private static string? CheckDoubleErrors(EccKernel kernel, Random random)
    {
        var data = RandomWords(ErrorBufferWords, random);
        var check = ExpectedChecks(kernel, data);
        for (int first = 0; first < Hsiao7264.CodewordBits; first++)
        {
            for (int second = first + 1; second < Hsiao7264.CodewordBits; second++)
            {
                int word = random.Next(data.Length);
                FlipBit(data, check, word, first);
                FlipBit(data, check, word, second);
                string pattern = $"bits {first} and {second} flipped in word {word}";
                string? failure = CompareCorrupted(kernel, data, check, pattern)
                    ?? ExpectDecoded(kernel, data, check, word, CodewordStatus.Uncorrectable, -1, pattern);
                FlipBit(data, check, word, first);
                FlipBit(data, check, word, second);
                if (failure is not null)
                {
                    return failure;
                }
            }
        }

        return null;
    }

    /// <summary>Compares the kernel's syndromes and first error with the reference's on a stored buffer.</summary>
    private static string? CompareCorrupted(EccKernel kernel, ulong[] data, byte[] check, string what)
    {
        var expected = ExpectedChecks(kernel, data);
        for (int index = 0; index < expected.Length; index++)
        {
            expected[index] ^= check[index];
        }

        var actual = new byte[data.Length];
        kernel.ComputeSyndromes(data, check, actual);
        if (FirstDifference(actual, expected) is int word)
        {
            return Describe($"ComputeSyndromes with {what}: word {word} gives 0x{actual[word]:X2}, expected 0x{expected[word]:X2}");
        }

        int expectedFirst = Array.FindIndex(expected, syndrome => syndrome != 0);
        int actualFirst = kernel.FindFirstError(data, check);
        return actualFirst == expectedFirst
            ? null
            : Describe($"FindFirstError with {what} gives {actualFirst}, expected {expectedFirst}");
    }

    private static string? ExpectDecoded(EccKernel kernel, ulong[] data, byte[] check, int word, CodewordStatus status, int bit, string what)
    {
        Span<byte> syndrome = stackalloc byte[1];
        kernel.ComputeSyndromes(data.AsSpan(word, 1), check.AsSpan(word, 1), syndrome);
        var decoded = Hsiao7264.Decode(syndrome[0]);
        return decoded.Status == status && decoded.Bit == bit
            ? null
            : Describe($"{what} decodes as {decoded.Status} at bit {decoded.Bit}, expected {status} at bit {bit}");
    }

    /// <summary>
    /// The check bytes a kernel must give: the scalar kernel's, or for the scalar kernel itself
    /// the parity of each row of the matrix, which shares no table with it.
    /// </summary>
    private static byte[] ExpectedChecks(EccKernel kernel, ulong[] data)
    {
        var check = new byte[data.Length];
        if (kernel is ScalarEccKernel)
        {
            for (int index = 0; index < data.Length; index++)
            {
                int bits = 0;
                for (int row = 0; row < Hsiao7264.CheckBits; row++)
                {
                    bits |= (BitOperations.PopCount(data[index] & HsiaoMatrix.RowMasks[row]) & 1) << row;
                }

                check[index] = (byte)bits;
            }
        }
        else
        {
            ScalarEccKernel.Instance.Encode(data, check);
        }

        return check;
    }

    private static ulong[] RandomWords(int length, Random random)
    {
        var data = new ulong[length];
        random.NextBytes(MemoryMarshal.AsBytes(data.AsSpan()));
        return data;
    }

    private static void FlipBit(ulong[] data, byte[] check, int word, int bit)
    {
        if (bit < Hsiao7264.DataBits)
        {
            data[word] ^= 1UL << bit;
        }
        else
        {
            check[word] ^= (byte)(1 << (bit - Hsiao7264.DataBits));
        }
    }

    private static int? FirstDifference(byte[] actual, byte[] expected)
    {
        int index = actual.AsSpan().CommonPrefixLength(expected);
        return index < expected.Length ? index : null;
    }

    private static string Describe(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
