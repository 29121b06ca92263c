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
    string SourceFile);
