using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Tests.Buses;

public class SimI2cDeviceTests
{
    [Test]
    public void ConnectionSettings_FromCreateDevice_NameBusAndAddress()
    {
        var bus = new SimI2cBus(2);

        using SimI2cDevice device = bus.CreateDevice(0x40);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(device.ConnectionSettings.BusId, Is.EqualTo(2));
            Assert.That(device.ConnectionSettings.DeviceAddress, Is.EqualTo(0x40));
        }
    }

    [Test]
    public void WriteRead_RegisterPointer_ReturnsThatRegisterInOneTransaction()
    {
        var bus = new SimI2cBus(1);
        bus.Attach(new Tmp102Model(0x48, new ConstantEnvironment()));
        using SimI2cDevice device = bus.CreateDevice(0x48);
        var data = new byte[2];

        device.WriteRead(new byte[] { 0x01 }, data);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data, Is.EqualTo(new byte[] { 0x60, 0xA0 }));
            Assert.That(device.TransactionCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void WriteRead_ToChip_WritesThenReads()
    {
        var bus = new SimI2cBus(1);
        var chip = new SequenceChip(0x30);
        bus.Attach(chip);
        using SimI2cDevice device = bus.CreateDevice(0x30);

        device.WriteRead(new byte[] { 0x07 }, new byte[2]);

        Assert.That(chip.Events, Is.EqualTo(new[] { "write 07", "read 07" }));
    }

    [Test]
    public void WriteRead_TwoThreadsOnOneBus_NeverInterleaveBetweenWriteAndRead()
    {
        var bus = new SimI2cBus(1);
        bus.Attach(new Tmp102Model(0x48, new ConstantEnvironment()));
        using SimI2cDevice first = bus.CreateDevice(0x48);
        using SimI2cDevice second = bus.CreateDevice(0x48);
        const int iterations = 200_000;
        using var start = new Barrier(2);

        int ReadMany(SimI2cDevice device, byte pointer, ushort expected)
        {
            var data = new byte[2];
            int wrong = 0;
            start.SignalAndWait();
            for (int i = 0; i < iterations; i++)
            {
                device.WriteRead(new[] { pointer }, data);
                if (((data[0] << 8) | data[1]) != expected)
                {
                    wrong++;
                }
            }

            return wrong;
        }

        Task<int> configuration = Task.Factory.StartNew(() => ReadMany(first, 0x01, 0x60A0), TaskCreationOptions.LongRunning);
        Task<int> highLimit = Task.Factory.StartNew(() => ReadMany(second, 0x03, 0x5000), TaskCreationOptions.LongRunning);
        Task.WaitAll(configuration, highLimit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configuration.Result, Is.Zero);
            Assert.That(highLimit.Result, Is.Zero);
        }
    }

    [Test]
    public void TransactionCount_EachCallIncludingNacks_CountsOne()
    {
        var bus = new SimI2cBus(1);
        bus.Attach(new Tmp102Model(0x48, new ConstantEnvironment()));
        using SimI2cDevice present = bus.CreateDevice(0x48);
        using SimI2cDevice absent = bus.CreateDevice(0x4A);

        present.Write(new byte[] { 0x00 });
        present.Read(new byte[2]);
        present.WriteRead(new byte[] { 0x01 }, new byte[2]);
        Assert.Catch<IOException>(() => absent.Read(new byte[2]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(present.TransactionCount, Is.EqualTo(3));
            Assert.That(absent.TransactionCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void Read_AfterDispose_ThrowsObjectDisposed()
    {
        var bus = new SimI2cBus(1);
        bus.Attach(new Tmp102Model(0x48, new ConstantEnvironment()));
        SimI2cDevice device = bus.CreateDevice(0x48);

        device.Dispose();

        Assert.That(() => device.Read(new byte[2]), Throws.TypeOf<ObjectDisposedException>());
    }

    /// <summary>Records the order of writes and reads it sees.</summary>
    private sealed class SequenceChip(int address) : I2cChipModel(address)
    {
        public List<string> Events { get; } = [];

        protected override ushort ReadRegister(byte pointer)
        {
            Events.Add($"read {pointer:X2}");
            return 0;
        }

        protected override void WriteRegister(byte pointer, ushort value) => Events.Add($"write {pointer:X2} {value:X4}");

        protected override byte MaskPointer(byte pointer)
        {
            Events.Add($"write {pointer:X2}");
            return pointer;
        }
    }
}
