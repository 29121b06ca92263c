using FlightSw.Hal.Configuration;

namespace FlightSw.Hal.Boards;

/// <summary>
/// Reads and validates board files (<c>boards/NAME.json</c>, described by
/// <c>boards/board.schema.json</c>). Validation checks every field and reports every problem at
/// once in a <see cref="BoardDefinitionException"/>, each naming the file and the JSON path of the
/// field.
/// </summary>
/// <remarks>
/// The rules, beyond required fields with the right JSON types and no unknown fields:
/// <list type="bullet">
/// <item><c>name</c> equals the file name without extension; <c>backend</c> is sim, linux or meadow.</item>
/// <item><c>runtimeIdentifier</c> is required (os-arch, such as linux-arm64; linux-* for linux) for sim and linux, and absent for meadow.</item>
/// <item><c>cpu.cores</c> 1 to 256; <c>cpu.budgetPercent</c> 1 to 100; <c>memory.budgetMiB</c> 1 to <c>memory.totalMiB</c>.</item>
/// <item><c>gpio.pinCount</c> 1 to 1024; <c>gpio.statusLedPin</c> below <c>gpio.pinCount</c>.</item>
/// <item>I2C addresses are a number or a "0x.." string, 0x08 to 0x77; each chip's bus is listed in <c>i2c.buses</c>; the two chips do not share bus and address.</item>
/// <item>The power monitor is an ina219 and the temperature sensor a tmp102 (the chips with drivers).</item>
/// <item><c>shuntOhms</c> above 0 and at most 10; <c>maxExpectedAmps</c> above 0, and shunt × amps at most 0.32 V, the INA219's full shunt range.</item>
/// <item><c>watchdog.timeoutSeconds</c> 1 to 3600; the device is /dev/... on linux, iwdg on meadow, model on sim.</item>
/// <item><c>storage.path</c> is not empty; "memory" only on sim; an absolute path on linux and meadow.</item>
/// <item><c>link</c> and everything in it are optional (absent parts take <see cref="LinkSettings.Default"/>'s values);
/// <c>link.tcp.bind</c> is an IP address (IPv4 as a dotted quad); <c>link.tcp.port</c> 1 to 65535;
/// <c>link.serial</c>, when present, names its <c>device</c> (/dev/... on linux); <c>link.serial.baudRate</c>
/// is one of <see cref="LinkSettings.StandardBaudRates"/>; <c>link.keyFile</c> is an absolute path on linux and meadow.</item>
/// </list>
/// Comments and trailing commas are allowed in the JSON.
/// </remarks>
public static class BoardDefinitionLoader
{
    /// <summary>Reads and validates the board file at <paramref name="path"/>.</summary>
    /// <exception cref="BoardDefinitionException">The file is not valid JSON or breaks a rule.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    public static BoardDefinition LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Validates <paramref name="json"/>, the text of the board file at <paramref name="sourceFile"/>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceFile">
    /// Path of the file: named in every error, stored in <see cref="BoardDefinition.SourceFile"/>, and its
    /// name without extension is what <c>name</c> must equal.
    /// </param>
    /// <exception cref="BoardDefinitionException">The text is not valid JSON or breaks a rule.</exception>
    public static BoardDefinition Parse(string json, string sourceFile)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceFile);

        if (!JsonFileParser.TryParse(json, sourceFile, out var document, out var syntaxError))
        {
            throw new BoardDefinitionException([BoardDefinitionError.From(syntaxError)]);
        }

        using (document)
        {
            var reader = new BoardFileReader(sourceFile);
            var definition = reader.Read(document.RootElement);
            if (definition is null)
            {
                throw new BoardDefinitionException(reader.Errors);
            }

            return definition;
        }
    }
}
