namespace FlightSw.Edac.Codec;

/// <summary>
/// The parity-check matrix of the Hsiao (72,64) code, and the tables derived from it. Each of the
/// 72 columns is an 8-bit value with an odd number of ones: data bits 0 to 55 take the 56
/// weight-3 columns in increasing order, data bits 56 to 63 the eight rotations of 0x1F (weight
/// 5), and check bit r the unit column 1 &lt;&lt; r. Every row then holds 26 data ones, the
/// balance that keeps each check bit's XOR tree the same depth (Hsiao, 1970).
/// </summary>
internal static class HsiaoMatrix
{
    /// <summary>Data bits in a codeword.</summary>
    public const int DataBits = 64;

    /// <summary>Check bits in a codeword.</summary>
    public const int CheckBits = 8;

    /// <summary>Column of each codeword bit: 0 to 63 data, 64 to 71 check.</summary>
    public static readonly byte[] Columns = BuildColumns();

    /// <summary>Row r as a 64-bit mask: the data bits that check bit r covers.</summary>
    public static readonly ulong[] RowMasks = BuildRowMasks();

    /// <summary>
    /// Check-byte contribution of each data byte value at each byte position, flattened as
    /// [position * 256 + value]: the scalar encoder XORs eight lookups.
    /// </summary>
    public static readonly byte[] ByteContributions = BuildByteContributions();

    /// <summary>Codeword bit that each syndrome points at: -1 for none (0 or uncorrectable).</summary>
    public static readonly sbyte[] SyndromeToBit = BuildSyndromeToBit();

    /// <summary>Check byte contribution of byte <paramref name="value"/> at byte position <paramref name="position"/>.</summary>
    public static byte Contribution(int position, int value)
    {
        byte check = 0;
        for (int bit = 0; bit < 8; bit++)
        {
            if ((value >> bit & 1) != 0)
            {
                check ^= Columns[position * 8 + bit];
            }
        }

        return check;
    }

    private static byte[] BuildColumns()
    {
        var columns = new byte[DataBits + CheckBits];
        int next = 0;
        for (int value = 0; value < 256; value++)
        {
            if (int.PopCount(value) == 3)
            {
                columns[next++] = (byte)value;
            }
        }

        for (int rotation = 0; rotation < 8; rotation++)
        {
            columns[next++] = (byte)((0x1F << rotation | 0x1F >> (8 - rotation)) & 0xFF);
        }

        for (int row = 0; row < CheckBits; row++)
        {
            columns[next++] = (byte)(1 << row);
        }

        return columns;
    }

    private static ulong[] BuildRowMasks()
    {
        var rows = new ulong[CheckBits];
        for (int bit = 0; bit < DataBits; bit++)
        {
            for (int row = 0; row < CheckBits; row++)
            {
                if ((Columns[bit] >> row & 1) != 0)
                {
                    rows[row] |= 1UL << bit;
                }
            }
        }

        return rows;
    }

    private static byte[] BuildByteContributions()
    {
        var table = new byte[8 * 256];
        for (int position = 0; position < 8; position++)
        {
            for (int value = 0; value < 256; value++)
            {
                table[position * 256 + value] = Contribution(position, value);
            }
        }

        return table;
    }

    private static sbyte[] BuildSyndromeToBit()
    {
        var table = new sbyte[256];
        Array.Fill(table, (sbyte)-1);
        for (int bit = 0; bit < Columns.Length; bit++)
        {
            table[Columns[bit]] = (sbyte)bit;
        }

        return table;
    }
}
