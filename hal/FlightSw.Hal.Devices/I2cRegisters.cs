using System.Device.I2c;

namespace FlightSw.Hal.Devices;

/// <summary>
/// Register access shared by chips with a pointer register and 16-bit registers sent MSB first
/// (INA219, TMP102 and many other TI parts): write the pointer, then read or write two bytes.
/// </summary>
internal static class I2cRegisters
{
    /// <summary>Reads a 16-bit register in one repeated-start transaction.</summary>
    public static ushort ReadUInt16BigEndian(I2cDevice device, byte register)
    {
        ReadOnlySpan<byte> pointer = [register];
        Span<byte> data = stackalloc byte[2];
        device.WriteRead(pointer, data);
        return (ushort)((data[0] << 8) | data[1]);
    }

    /// <summary>Writes a 16-bit register: pointer byte, then MSB and LSB.</summary>
    public static void WriteUInt16BigEndian(I2cDevice device, byte register, ushort value)
    {
        ReadOnlySpan<byte> frame = [register, (byte)(value >> 8), (byte)(value & 0xFF)];
        device.Write(frame);
    }
}
