using FlightSw.Sim.Buses;

namespace FlightSw.Hal.Devices.Tests;

/// <summary>Raw register access to a simulated chip through its own bus device, beside the driver under test.</summary>
internal sealed class SimChip(SimI2cBus bus, int address) : IDisposable
{
    private readonly SimI2cDevice _device = bus.CreateDevice(address);

    public ushort ReadRegister(byte pointer)
    {
        var data = new byte[2];
        _device.WriteRead(new[] { pointer }, data);
        return (ushort)((data[0] << 8) | data[1]);
    }

    public void WriteRegister(byte pointer, ushort value) =>
        _device.Write(new[] { pointer, (byte)(value >> 8), (byte)(value & 0xFF) });

    public void Dispose() => _device.Dispose();
}
