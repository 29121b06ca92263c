using System.Text;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Packets;

public class Crc16CcittTests
{
    [Test]
    public void Compute_StandardCheckString_Is29B1() =>
        Assert.That(Crc16Ccitt.Compute(Encoding.ASCII.GetBytes("123456789")), Is.EqualTo(0x29B1));

    [Test]
    public void Compute_Empty_IsInitialValue() => Assert.That(Crc16Ccitt.Compute([]), Is.EqualTo(0xFFFF));

    [Test]
    public void Compute_AnySingleBitFlip_ChangesTheCrc()
    {
        var data = Enumerable.Range(0, 64).Select(i => unchecked((byte)(i * 37))).ToArray();
        ushort crc = Crc16Ccitt.Compute(data);
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.That(Crc16Ccitt.Compute(data), Is.Not.EqualTo(crc), $"bit {bit}");
            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }
}
