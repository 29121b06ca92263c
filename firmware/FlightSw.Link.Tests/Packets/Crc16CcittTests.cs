using System.Text;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Packets;

public class Crc16CcittTests
{
    [Test]
    public void Compute_StandardCheckString_Is29B1() =>
        Assert.That(Crc16Ccitt.Compute(Encoding.ASCII.GetBytes("123456789")), Is.EqualTo(0x29B1));

    [TestCase(new byte[] { 0x00, 0x00 }, 0x1D0F)]
    [TestCase(new byte[] { 0x00, 0x00, 0x00 }, 0xCC9C)]
    [TestCase(new byte[] { 0xAB, 0xCD, 0xEF, 0x01 }, 0x04A2)]
    [TestCase(new byte[] { 0x14, 0x56, 0xF8, 0x9A, 0x00, 0x01 }, 0x7FD5)]
    [TestCase(new byte[] { 0x41 }, 0xB915)]
    public void Compute_EcssAnnexTestVectors_GiveTheirValues(byte[] data, int expected) =>
        Assert.That(Crc16Ccitt.Compute(data), Is.EqualTo(expected));

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
