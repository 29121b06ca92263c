using FlightSw.Edac.Codec;
using FlightSw.Edac.Kernels;

namespace FlightSw.Edac.Tests.Kernels;

[TestFixtureSource(nameof(KernelNames))]
public class EccKernelTests(string kernelName)
{
    private static readonly int[] Lengths = [0, 1, 3, 4, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 200, 1000, 4096 + 17];

    private EccKernel _kernel = null!;

    public static IEnumerable<string> KernelNames => EccKernels.All.Select(kernel => kernel.Name);

    [SetUp]
    public void SetUp()
    {
        _kernel = EccKernels.ByName(kernelName);
        if (!_kernel.IsSupported)
        {
            Assert.Ignore($"This processor cannot run the {kernelName} kernel.");
        }
    }

    [Test]
    public void Encode_RandomBuffers_BitIdenticalToScalar([ValueSource(nameof(Lengths))] int length)
    {
        var data = RandomWords(length, seed: length);
        var expected = new byte[length];
        var actual = new byte[length];

        ScalarEccKernel.Instance.Encode(data, expected);
        _kernel.Encode(data, actual);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Encode_EachWord_EqualsCodecEncode()
    {
        var data = RandomWords(1000, seed: 5);
        var check = new byte[data.Length];

        _kernel.Encode(data, check);

        Assert.That(check, Is.EqualTo(data.Select(Hsiao7264.Encode).ToArray()));
    }

    [Test]
    public void FindFirstError_CleanBuffer_MinusOne([ValueSource(nameof(Lengths))] int length)
    {
        var (data, check) = Encoded(length, seed: 6);

        Assert.That(_kernel.FindFirstError(data, check), Is.EqualTo(-1));
    }

    [Test]
    public void FindFirstError_Every72SingleBitErrors_FoundAndCorrectable()
    {
        var random = new Random(7);
        var (data, check) = Encoded(256, seed: 8);
        for (int bit = 0; bit < Hsiao7264.CodewordBits; bit++)
        {
            int word = random.Next(VectorWords(data.Length));
            Flip(data, check, word, bit);

            int found = _kernel.FindFirstError(data, check);
            var syndromes = new byte[data.Length];
            _kernel.ComputeSyndromes(data, check, syndromes);
            var decoded = Hsiao7264.Decode(syndromes[word]);

            Flip(data, check, word, bit);
            Assert.That(found, Is.EqualTo(word), $"bit {bit}");
            Assert.That(decoded.Status, Is.EqualTo(CodewordStatus.Corrected), $"bit {bit}");
            Assert.That(decoded.Bit, Is.EqualTo(bit));
        }
    }

    [Test]
    public void FindFirstError_Every2556DoubleBitErrors_FoundAndUncorrectable()
    {
        var random = new Random(9);
        var (data, check) = Encoded(192, seed: 10);
        var syndromes = new byte[data.Length];
        int detected = 0;
        for (int first = 0; first < Hsiao7264.CodewordBits; first++)
        {
            for (int second = first + 1; second < Hsiao7264.CodewordBits; second++)
            {
                int word = random.Next(VectorWords(data.Length));
                Flip(data, check, word, first);
                Flip(data, check, word, second);

                int found = _kernel.FindFirstError(data, check);
                _kernel.ComputeSyndromes(data, check, syndromes);
                var status = Hsiao7264.Decode(syndromes[word]).Status;

                Flip(data, check, word, first);
                Flip(data, check, word, second);
                if (found != word || status != CodewordStatus.Uncorrectable)
                {
                    Assert.Fail($"bits {first},{second} in word {word}: found {found}, {status}");
                }

                detected++;
            }
        }

        Assert.That(detected, Is.EqualTo(2556));
    }

    [Test]
    public void FindFirstError_SeveralErrors_ReturnsTheFirst()
    {
        var (data, check) = Encoded(1000, seed: 11);
        Flip(data, check, 700, 3);
        Flip(data, check, 130, 70);
        Flip(data, check, 999, 64);

        Assert.That(_kernel.FindFirstError(data, check), Is.EqualTo(130));
        Assert.That(_kernel.FindFirstError(data.AsSpan(131), check.AsSpan(131)), Is.EqualTo(700 - 131));
        Assert.That(_kernel.FindFirstError(data.AsSpan(701), check.AsSpan(701)), Is.EqualTo(999 - 701));
    }

    [Test]
    public void ComputeSyndromes_RandomCorruption_BitIdenticalToScalar()
    {
        var (data, check) = Encoded(4096 + 9, seed: 12);
        var random = new Random(13);
        for (int flip = 0; flip < 500; flip++)
        {
            Flip(data, check, random.Next(data.Length), random.Next(Hsiao7264.CodewordBits));
        }

        var expected = new byte[data.Length];
        var actual = new byte[data.Length];
        ScalarEccKernel.Instance.ComputeSyndromes(data, check, expected);
        _kernel.ComputeSyndromes(data, check, actual);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Encode_ShortCheckBuffer_Throws()
    {
        Assert.That(() => _kernel.Encode(new ulong[8], new byte[7]), Throws.ArgumentException);
    }

    [Test]
    public void FindFirstError_MismatchedLengths_Throws()
    {
        Assert.That(() => _kernel.FindFirstError(new ulong[8], new byte[9]), Throws.ArgumentException);
    }

    /// <summary>Words the kernel's vector code covers in a buffer of <paramref name="length"/>, so that injected errors test it and not the scalar remainder.</summary>
    private int VectorWords(int length) => length / _kernel.BlockWords * _kernel.BlockWords;

    internal static ulong[] RandomWords(int length, int seed)
    {
        var random = new Random(seed);
        var data = new ulong[length];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
        return data;
    }

    private static (ulong[] Data, byte[] Check) Encoded(int length, int seed)
    {
        var data = RandomWords(length, seed);
        var check = new byte[length];
        ScalarEccKernel.Instance.Encode(data, check);
        return (data, check);
    }

    private static void Flip(ulong[] data, byte[] check, int word, int bit)
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
}
