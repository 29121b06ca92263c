using FlightSw.Sim.Chips;

namespace FlightSw.Sim.Tests.Chips;

/// <summary>Raw register reads and writes on a chip model, as a controller would do them on the bus.</summary>
internal static class RegisterAccess
{
    public static ushort ReadWord(I2cChipModel chip, byte pointer)
    {
        chip.Write([pointer]);
        Span<byte> data = stackalloc byte[2];
        chip.Read(data);
        return (ushort)((data[0] << 8) | data[1]);
    }

    public static void WriteWord(I2cChipModel chip, byte pointer, ushort value) =>
        chip.Write([pointer, (byte)(value >> 8), (byte)(value & 0xFF)]);
}
