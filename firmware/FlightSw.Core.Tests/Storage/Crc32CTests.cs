using System.Text;
using FlightSw.Core.Storage;

namespace FlightSw.Core.Tests.Storage;

public class Crc32CTests
{
    [Test]
    public void Compute_CheckString123456789_IsE3069283()
    {
        uint crc = Crc32C.Compute(Encoding.ASCII.GetBytes("123456789"));

        Assert.That(crc, Is.EqualTo(0xE3069283u));
    }

    [Test]
    public void Compute_NoData_IsZero()
    {
        Assert.That(Crc32C.Compute([]), Is.EqualTo(0u));
    }

    // RFC 3720 (iSCSI), appendix B.4: CRC-32C of 32-byte patterns.
    [TestCase(0x00, 0x8A9136AAu)]
    [TestCase(0xFF, 0x62A8AB43u)]
    public void Compute_ThirtyTwoEqualBytes_MatchesRfc3720(int fill, uint expected)
    {
        var data = Enumerable.Repeat((byte)fill, 32).ToArray();

        Assert.That(Crc32C.Compute(data), Is.EqualTo(expected));
    }

    [Test]
    public void Compute_ThirtyTwoAscendingBytes_MatchesRfc3720()
    {
        var data = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        Assert.That(Crc32C.Compute(data), Is.EqualTo(0x46DD794Eu));
    }

    [Test]
    public void Compute_AnySingleBitFlipped_ChangesTheCrc()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        uint original = Crc32C.Compute(data);

        var unchanged = new List<int>();
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            if (Crc32C.Compute(data) == original)
            {
                unchanged.Add(bit);
            }

            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        Assert.That(unchanged, Is.Empty);
    }
}
