namespace FlightSw.Link.Packets;

/// <summary>
/// CRC-16/CCITT as ECSS-E-ST-70-41 (PUS) uses for its packet error control: polynomial 0x1021,
/// initial value 0xFFFF, no reflection, no final XOR ("CRC-16/CCITT-FALSE"; check value 0x29B1
/// for the ASCII bytes "123456789").
/// </summary>
public static class Crc16Ccitt
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        unchecked
        {
            foreach (byte value in data)
            {
                crc = (ushort)((crc << 8) ^ Table[(crc >> 8) ^ value]);
            }
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        unchecked
        {
            for (int i = 0; i < 256; i++)
            {
                int crc = i << 8;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                }

                table[i] = (ushort)crc;
            }
        }

        return table;
    }
}
