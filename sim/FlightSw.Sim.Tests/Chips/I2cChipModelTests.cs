using FlightSw.Sim.Chips;

namespace FlightSw.Sim.Tests.Chips;

public class I2cChipModelTests
{
    [TestCase(0x07)]
    [TestCase(0x78)]
    [TestCase(-1)]
    public void Constructor_ReservedAddress_Throws(int address)
    {
        Assert.That(() => new RecordingChip(address), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Write_PointerOnly_SetsPointerAndWritesNothing()
    {
        var chip = new RecordingChip(0x20);

        chip.Write([0x03]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chip.RegisterPointer, Is.EqualTo(0x03));
            Assert.That(chip.Writes, Is.Empty);
        }
    }

    [Test]
    public void Write_PointerAndWord_WritesRegisterMsbFirst()
    {
        var chip = new RecordingChip(0x20);

        chip.Write([0x02, 0x12, 0x34]);

        Assert.That(chip.Writes, Is.EqualTo(new[] { (0x02, 0x1234) }));
    }

    [Test]
    public void Write_TwoWords_WritesBothToTheSameRegister()
    {
        var chip = new RecordingChip(0x20);

        chip.Write([0x01, 0xAB, 0xCD, 0x00, 0x01]);

        Assert.That(chip.Writes, Is.EqualTo(new[] { (0x01, 0xABCD), (0x01, 0x0001) }));
    }

    [Test]
    public void Write_SingleDataByte_IsIgnoredByDefault()
    {
        var chip = new RecordingChip(0x20);

        chip.Write([0x01, 0xAB]);

        Assert.That(chip.Writes, Is.Empty);
    }

    [Test]
    public void Write_Empty_LeavesPointer()
    {
        var chip = new RecordingChip(0x20);
        chip.Write([0x02]);

        chip.Write([]);

        Assert.That(chip.RegisterPointer, Is.EqualTo(0x02));
    }

    [Test]
    public void Read_FourBytes_RepeatsTheRegisterFromOneSnapshot()
    {
        var chip = new RecordingChip(0x20);
        chip.Write([0x05]);
        var buffer = new byte[4];

        chip.Read(buffer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(buffer, Is.EqualTo(new byte[] { 0x05, 0x01, 0x05, 0x01 }));
            Assert.That(chip.ReadCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void Read_OneByte_ReturnsMostSignificantByte()
    {
        var chip = new RecordingChip(0x20);
        chip.Write([0x07]);
        var buffer = new byte[1];

        chip.Read(buffer);

        Assert.That(buffer[0], Is.EqualTo(0x07));
    }

    /// <summary>A chip whose register N reads N * 256 + reads-so-far, recording writes.</summary>
    private sealed class RecordingChip(int address) : I2cChipModel(address)
    {
        public List<(int Pointer, int Value)> Writes { get; } = [];

        public int ReadCount { get; private set; }

        protected override ushort ReadRegister(byte pointer)
        {
            ReadCount++;
            return (ushort)((pointer << 8) | ReadCount);
        }

        protected override void WriteRegister(byte pointer, ushort value) => Writes.Add((pointer, value));
    }
}
