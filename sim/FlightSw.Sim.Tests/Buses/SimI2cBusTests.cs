using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Tests.Buses;

public class SimI2cBusTests
{
    [Test]
    public void Attach_SecondChipAtSameAddress_ThrowsNamingBusAndAddress()
    {
        var bus = new SimI2cBus(1);
        var environment = new ConstantEnvironment();
        bus.Attach(new Tmp102Model(0x48, environment));

        Assert.That(
            () => bus.Attach(new Tmp102Model(0x48, environment)),
            Throws.InvalidOperationException
                .With.Message.Contains("bus 1")
                .And.Message.Contains("0x48")
                .And.Message.Contains(nameof(Tmp102Model)));
    }

    [Test]
    public void Attach_ChipsAtDifferentAddresses_ListsThemByAddress()
    {
        var bus = new SimI2cBus(1);
        var environment = new ConstantEnvironment();
        var tmp102 = new Tmp102Model(0x48, environment);
        var ina219 = new Ina219Model(0x40, 0.1, environment);

        bus.Attach(tmp102);
        bus.Attach(ina219);

        Assert.That(bus.Chips, Is.EqualTo(new I2cChipModel[] { ina219, tmp102 }));
    }

    [Test]
    public void CreateDevice_NoChipAtAddress_ReadThrowsIOExceptionNamingBusAndAddress()
    {
        var bus = new SimI2cBus(3);
        bus.Attach(new Tmp102Model(0x48, new ConstantEnvironment()));
        using SimI2cDevice device = bus.CreateDevice(0x49);

        Assert.That(
            () => device.Read(new byte[2]),
            Throws.TypeOf<IOException>().With.Message.Contains("bus 3").And.Message.Contains("0x49"));
    }

    [Test]
    public void CreateDevice_NoChipAtAddress_WriteAndWriteReadThrowIOException()
    {
        var bus = new SimI2cBus(1);
        using SimI2cDevice device = bus.CreateDevice(0x41);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => device.Write(new byte[] { 0x00 }), Throws.TypeOf<IOException>());
            Assert.That(() => device.WriteRead(new byte[] { 0x00 }, new byte[2]), Throws.TypeOf<IOException>());
            Assert.That(() => device.WriteByte(0x00), Throws.TypeOf<IOException>());
            Assert.That(() => device.ReadByte(), Throws.TypeOf<IOException>());
        }
    }

    [Test]
    public void Detach_AttachedChip_LaterTransactionsAreNotAcknowledged()
    {
        var bus = new SimI2cBus(1);
        bus.Attach(new Tmp102Model(0x48, new ConstantEnvironment()));
        using SimI2cDevice device = bus.CreateDevice(0x48);
        device.Read(new byte[2]);

        bool detached = bus.Detach(0x48);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detached, Is.True);
            Assert.That(() => device.Read(new byte[2]), Throws.TypeOf<IOException>());
            Assert.That(bus.Detach(0x48), Is.False);
        }
    }

    [TestCase(-1)]
    [TestCase(0x80)]
    public void CreateDevice_AddressBeyondSevenBits_Throws(int address)
    {
        var bus = new SimI2cBus(1);

        Assert.That(() => bus.CreateDevice(address), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_NegativeBusId_Throws()
    {
        Assert.That(() => new SimI2cBus(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
