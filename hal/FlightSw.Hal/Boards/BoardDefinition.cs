namespace FlightSw.Hal.Boards;

/// <summary>A validated board file from <c>boards/NAME.json</c>: what the flight software needs to know of one board.</summary>
/// <param name="Name">Short name, equal to the file name without extension (for example <c>rpi4</c>).</param>
/// <param name="Description">Human-readable board name and revision.</param>
/// <param name="Backend">Which HAL backend drives the board.</param>
/// <param name="RuntimeIdentifier">.NET runtime identifier to publish for (for example <c>linux-arm64</c>); null for Meadow, which has none.</param>
/// <param name="Cpu">Processor facts and the share of it the flight software may use.</param>
/// <param name="Memory">Memory facts and the flight software's budget.</param>
/// <param name="Gpio">GPIO chip and pins.</param>
/// <param name="I2c">I2C buses and the chips on them.</param>
/// <param name="Watchdog">Hardware watchdog device and timeout.</param>
/// <param name="Storage">Where persistent records are kept.</param>
/// <param name="SourceFile">Path of the file the definition was loaded from, for messages.</param>
/// <remarks>
/// <see cref="Link"/> is an init property rather than a constructor parameter, so code that builds a
/// definition positionally keeps compiling and gets <see cref="LinkSettings.Default"/>.
/// </remarks>
public sealed record BoardDefinition(
    string Name,
    string Description,
    BoardBackend Backend,
    string? RuntimeIdentifier,
    CpuInfo Cpu,
    MemoryInfo Memory,
    GpioLayout Gpio,
    I2cLayout I2c,
    WatchdogSettings Watchdog,
    StorageSettings Storage,
    string SourceFile)
{
    /// <summary>
    /// How the node's space link reaches the ground, from the optional <c>link</c> section;
    /// <see cref="LinkSettings.Default"/> (TCP on 127.0.0.1 port 5170, no serial link, no key file) when the section is absent.
    /// </summary>
    public LinkSettings Link { get; init; } = LinkSettings.Default;
}
