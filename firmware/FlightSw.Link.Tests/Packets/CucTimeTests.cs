using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Packets;

public class CucTimeTests
{
    [Test]
    public void Write_KnownTime_GivesSecondsAndFineUnitsBigEndian()
    {
        var time = DateTimeOffset.UnixEpoch.AddSeconds(0x01020304).AddMilliseconds(500);
        var bytes = new byte[CucTime.Length];

        CucTime.Write(time, bytes);

        Assert.That(bytes, Is.EqualTo(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x80, 0x00 }));
    }

    [Test]
    public void Read_WrittenTime_IsTheTimeTruncatedToTheFineUnit()
    {
        var time = new DateTimeOffset(2031, 5, 17, 10, 11, 12, TimeSpan.Zero).AddTicks(1_234_567);
        var bytes = new byte[CucTime.Length];
        CucTime.Write(time, bytes);

        var read = CucTime.Read(bytes);

        Assert.That(read, Is.LessThanOrEqualTo(time));
        Assert.That(time - read, Is.LessThan(TimeSpan.FromSeconds(1.0 / CucTime.FineUnitsPerSecond)));
    }

    [Test]
    public void Write_ReadTime_GivesTheSameCodeForEveryFineValue()
    {
        var bytes = new byte[CucTime.Length];
        var again = new byte[CucTime.Length];
        for (int fine = 0; fine < CucTime.FineUnitsPerSecond; fine++)
        {
            bytes[4] = (byte)(fine >> 8);
            bytes[5] = unchecked((byte)fine);
            CucTime.Write(CucTime.Read(bytes), again);
            Assert.That(again, Is.EqualTo(bytes), $"fine {fine}");
        }
    }

    [Test]
    public void Write_BeforeEpochAndAfterLatest_ClampsToTheRange()
    {
        var bytes = new byte[CucTime.Length];
        CucTime.Write(DateTimeOffset.MinValue, bytes);
        Assert.That(bytes, Is.All.EqualTo(0));

        CucTime.Write(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero), bytes);
        Assert.That(bytes, Is.All.EqualTo(0xFF));
        Assert.That(CucTime.Read(bytes), Is.EqualTo(CucTime.Latest));
    }

    [Test]
    public void Write_ShortDestination_Throws() =>
        Assert.That(() => CucTime.Write(DateTimeOffset.UnixEpoch, new byte[5]), Throws.TypeOf<ArgumentOutOfRangeException>());
}
