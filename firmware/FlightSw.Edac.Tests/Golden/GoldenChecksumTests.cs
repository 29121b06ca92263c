using System.Text;
using FlightSw.Edac.Golden;

namespace FlightSw.Edac.Tests.Golden;

public class GoldenChecksumTests
{
    private static readonly byte[] CheckString = Encoding.ASCII.GetBytes("123456789");

    [Test]
    public void Compute_Crc32CCheckString_IsE3069283()
    {
        var checksum = GoldenChecksum.Compute(GoldenChecksumAlgorithm.Crc32C, CheckString);

        Assert.That(checksum.ToString(), Is.EqualTo("crc32c:e3069283"));
    }

    [Test]
    public void Compute_Sha256OfAbc_IsTheFips180Digest()
    {
        var checksum = GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, Encoding.ASCII.GetBytes("abc"));

        Assert.That(checksum.Hex, Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [TestCase("crc32c:e3069283", GoldenChecksumAlgorithm.Crc32C)]
    [TestCase("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", GoldenChecksumAlgorithm.Sha256)]
    public void Parse_ValidText_RoundTripsThroughToString(string text, GoldenChecksumAlgorithm algorithm)
    {
        var checksum = GoldenChecksum.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(checksum.Algorithm, Is.EqualTo(algorithm));
            Assert.That(checksum.ToString(), Is.EqualTo(text));
            Assert.That(GoldenChecksum.Parse(checksum.ToString()), Is.EqualTo(checksum));
        });
    }

    [Test]
    public void Parse_UpperCaseWithSpaces_NormalisedToLowerCase()
    {
        var checksum = GoldenChecksum.Parse("  CRC32C:E3069283 ");

        Assert.That(checksum, Is.EqualTo(new GoldenChecksum(GoldenChecksumAlgorithm.Crc32C, "e3069283")));
    }

    [TestCase("")]
    [TestCase("e3069283")]
    [TestCase("crc32:e3069283")]
    [TestCase("md5:e3069283")]
    [TestCase("crc32c:e306928")]
    [TestCase("crc32c:e30692830")]
    [TestCase("crc32c:e306928g")]
    [TestCase("crc32c: e3069283")]
    [TestCase("sha256:e3069283")]
    [TestCase("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    public void Parse_InvalidText_ThrowsFormatException(string text)
    {
        Assert.That(() => GoldenChecksum.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains("hex digits"));
    }

    [Test]
    public void Matches_SameAndChangedBytes_TrueThenFalse()
    {
        var checksum = GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, CheckString);
        var changed = (byte[])CheckString.Clone();
        changed[4] ^= 1;

        Assert.Multiple(() =>
        {
            Assert.That(checksum.Matches(CheckString), Is.True);
            Assert.That(checksum.Matches(changed), Is.False);
        });
    }

    [Test]
    public void Deconstruct_Checksum_GivesAlgorithmAndHex()
    {
        var (algorithm, hex) = GoldenChecksum.Parse("crc32c:e3069283");

        Assert.Multiple(() =>
        {
            Assert.That(algorithm, Is.EqualTo(GoldenChecksumAlgorithm.Crc32C));
            Assert.That(hex, Is.EqualTo("e3069283"));
        });
    }
}
