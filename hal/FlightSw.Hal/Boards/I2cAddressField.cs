using System.Globalization;
using System.Text.Json;
using FlightSw.Hal.Configuration;

namespace FlightSw.Hal.Boards;

/// <summary>Reads the I2C address fields of a board file with the shared <see cref="JsonFieldReader"/>.</summary>
internal static class I2cAddressField
{
    /// <summary>
    /// A 7-bit I2C address, given as a number (64) or a hex string ("0x40"), within the range the
    /// I2C specification leaves to devices.
    /// </summary>
    public static int? I2cAddress(this JsonFieldReader fields, JsonElement parent, string parentPath, string name)
    {
        if (!JsonFieldReader.TryGet(parent, name, out var value))
        {
            return null;
        }

        var path = JsonFieldReader.Join(parentPath, name);
        int address;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt32(out var number):
                address = number;
                break;
            case JsonValueKind.String when TryParseHex(value.GetString()!, out var parsed):
                address = parsed;
                break;
            default:
                fields.Report(path, $"must be a whole number or a hex string such as \"0x40\"; found {value.GetRawText()}");
                return null;
        }

        if (address < BoardFileLayout.MinI2cAddress || address > BoardFileLayout.MaxI2cAddress)
        {
            fields.Report(
                path,
                $"must be a 7-bit address from 0x{BoardFileLayout.MinI2cAddress:x2} to 0x{BoardFileLayout.MaxI2cAddress:x2} " +
                $"(0x00-0x07 and 0x78-0x7f are reserved by the I2C specification); found 0x{address:x2}");
            return null;
        }

        return address;
    }

    private static bool TryParseHex(string text, out int value)
    {
        value = 0;
        if (text.Length is < 3 or > 4 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        return int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
