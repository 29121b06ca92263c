using FlightSw.Edac.Codec;

namespace FlightSw.Edac.Tests.Codec;

public class Hsiao7264Tests
{
    private const int RandomWords = 200;

    [Test]
    public void Column_EveryBit_DistinctNonZeroOddWeight()
    {
        var columns = Enumerable.Range(0, Hsiao7264.CodewordBits).Select(Hsiao7264.Column).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(columns, Is.Unique);
            Assert.That(columns.Select(column => int.PopCount(column) % 2), Is.All.EqualTo(1));
            Assert.That(columns.Skip(Hsiao7264.DataBits), Is.EqualTo(new byte[] { 1, 2, 4, 8, 16, 32, 64, 128 }));
        });
    }

    [Test]
    public void Column_EachRow_CoversTwentySixDataBits()
    {
        for (int row = 0; row < Hsiao7264.CheckBits; row++)
        {
            int ones = Enumerable.Range(0, Hsiao7264.DataBits).Count(bit => (Hsiao7264.Column(bit) >> row & 1) != 0);
            Assert.That(ones, Is.EqualTo(26), $"row {row}");
        }
    }

    [Test]
    public void Column_OutOfRange_Throws()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Hsiao7264.Column(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => Hsiao7264.Column(72), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Encode_SingleDataBit_IsItsColumn()
    {
        for (int bit = 0; bit < Hsiao7264.DataBits; bit++)
        {
            Assert.That(Hsiao7264.Encode(1UL << bit), Is.EqualTo(Hsiao7264.Column(bit)), $"bit {bit}");
        }
    }

    [Test]
    public void Encode_IsLinear()
    {
        var random = new Random(1);
        for (int sample = 0; sample < 1000; sample++)
        {
            ulong a = NextWord(random);
            ulong b = NextWord(random);
            Assert.That(Hsiao7264.Encode(a ^ b), Is.EqualTo(Hsiao7264.Encode(a) ^ Hsiao7264.Encode(b)));
        }
    }

    [Test]
    public void Check_CleanWord_Ok()
    {
        var random = new Random(2);
        for (int sample = 0; sample < RandomWords; sample++)
        {
            ulong data = NextWord(random);
            Assert.That(Hsiao7264.Check(data, Hsiao7264.Encode(data)), Is.EqualTo(new CodewordCheck(CodewordStatus.Ok, 0, -1)));
        }
    }

    [Test]
    public void Correct_Every72SingleBitErrors_CorrectedToOriginal()
    {
        var random = new Random(3);
        int corrected = 0;
        foreach (ulong original in RandomWordsWithEdges(random))
        {
            byte originalCheck = Hsiao7264.Encode(original);
            for (int bit = 0; bit < Hsiao7264.CodewordBits; bit++)
            {
                var (data, check) = Flip(original, originalCheck, bit);

                var result = Hsiao7264.Correct(ref data, ref check);

                Assert.That(result.Status, Is.EqualTo(CodewordStatus.Corrected), $"word {original:X16} bit {bit}");
                Assert.That(result.Bit, Is.EqualTo(bit));
                Assert.That(result.IsCheckBit, Is.EqualTo(bit >= Hsiao7264.DataBits));
                Assert.That((data, check), Is.EqualTo((original, originalCheck)));
                corrected++;
            }
        }

        Assert.That(corrected, Is.EqualTo((RandomWords + 2) * 72));
    }

    [Test]
    public void Correct_Every2556DoubleBitErrors_DetectedAndLeftUnchanged()
    {
        var random = new Random(4);
        int detected = 0;
        foreach (ulong original in RandomWordsWithEdges(random).Take(50))
        {
            byte originalCheck = Hsiao7264.Encode(original);
            int pairs = 0;
            for (int first = 0; first < Hsiao7264.CodewordBits; first++)
            {
                for (int second = first + 1; second < Hsiao7264.CodewordBits; second++)
                {
                    var (data, check) = Flip(original, originalCheck, first);
                    (data, check) = Flip(data, check, second);
                    var (storedData, storedCheck) = (data, check);

                    var result = Hsiao7264.Correct(ref data, ref check);

                    if (result.Status != CodewordStatus.Uncorrectable || (data, check) != (storedData, storedCheck))
                    {
                        Assert.Fail($"word {original:X16} bits {first},{second}: {result}");
                    }

                    pairs++;
                    detected++;
                }
            }

            Assert.That(pairs, Is.EqualTo(2556));
        }

        Assert.That(detected, Is.EqualTo(50 * 2556));
    }

    [Test]
    public void Decode_EverySyndrome_MatchesColumnsExactly()
    {
        for (int syndrome = 1; syndrome < 256; syndrome++)
        {
            var result = Hsiao7264.Decode((byte)syndrome);
            int column = Enumerable.Range(0, Hsiao7264.CodewordBits).FirstOrDefault(bit => Hsiao7264.Column(bit) == syndrome, -1);

            Assert.That(result.Status, Is.EqualTo(column < 0 ? CodewordStatus.Uncorrectable : CodewordStatus.Corrected), $"syndrome {syndrome:X2}");
            Assert.That(result.Bit, Is.EqualTo(column));
        }
    }

    private static (ulong Data, byte Check) Flip(ulong data, byte check, int bit) =>
        bit < Hsiao7264.DataBits ? (data ^ 1UL << bit, check) : (data, (byte)(check ^ 1 << (bit - Hsiao7264.DataBits)));

    private static IEnumerable<ulong> RandomWordsWithEdges(Random random)
    {
        yield return 0;
        yield return ulong.MaxValue;
        for (int sample = 0; sample < RandomWords; sample++)
        {
            yield return NextWord(random);
        }
    }

    private static ulong NextWord(Random random) => (ulong)random.NextInt64() ^ (ulong)random.Next() << 63;
}
