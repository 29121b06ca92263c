namespace FlightSw.Hal.Boards;

/// <summary>
/// The shape of a board file: the one list of field names the loader accepts and requires, and the
/// limits it checks. <c>boards/board.schema.json</c> must say the same; a test compares the two.
/// </summary>
internal static class BoardFileLayout
{
    /// <summary>The document root.</summary>
    internal static readonly BoardFileObject Root = new(
        string.Empty,
        ["$schema", "name", "description", "backend", "runtimeIdentifier", "cpu", "memory", "gpio", "i2c", "watchdog", "storage", "link"],
        ["name", "description", "backend", "cpu", "memory", "gpio", "i2c", "watchdog", "storage"]);

    /// <summary><c>cpu</c>.</summary>
    internal static readonly BoardFileObject Cpu = new("cpu", ["model", "cores", "budgetPercent"], ["model", "cores", "budgetPercent"]);

    /// <summary><c>memory</c>.</summary>
    internal static readonly BoardFileObject Memory = new("memory", ["totalMiB", "budgetMiB"], ["totalMiB", "budgetMiB"]);

    /// <summary><c>gpio</c>.</summary>
    internal static readonly BoardFileObject Gpio = new(
        "gpio",
        ["chip", "pinCount", "statusLedPin", "statusLedLabel"],
        ["chip", "pinCount", "statusLedPin", "statusLedLabel"]);

    /// <summary><c>i2c</c>.</summary>
    internal static readonly BoardFileObject I2c = new(
        "i2c",
        ["buses", "powerMonitor", "temperatureSensor"],
        ["buses", "powerMonitor", "temperatureSensor"]);

    /// <summary><c>i2c.powerMonitor</c>.</summary>
    internal static readonly BoardFileObject PowerMonitor = new(
        "i2c.powerMonitor",
        ["chip", "bus", "address", "shuntOhms", "maxExpectedAmps"],
        ["chip", "bus", "address", "shuntOhms", "maxExpectedAmps"]);

    /// <summary><c>i2c.temperatureSensor</c>.</summary>
    internal static readonly BoardFileObject TemperatureSensor = new(
        "i2c.temperatureSensor",
        ["chip", "bus", "address"],
        ["chip", "bus", "address"]);

    /// <summary><c>watchdog</c>.</summary>
    internal static readonly BoardFileObject Watchdog = new("watchdog", ["device", "timeoutSeconds"], ["device", "timeoutSeconds"]);

    /// <summary><c>storage</c>.</summary>
    internal static readonly BoardFileObject Storage = new("storage", ["path"], ["path"]);

    /// <summary><c>link</c> (optional, like everything in it).</summary>
    internal static readonly BoardFileObject Link = new("link", ["tcp", "serial", "keyFile"], []);

    /// <summary><c>link.tcp</c>.</summary>
    internal static readonly BoardFileObject LinkTcp = new("link.tcp", ["bind", "port"], []);

    /// <summary><c>link.serial</c>: a serial section must name its device.</summary>
    internal static readonly BoardFileObject LinkSerial = new("link.serial", ["device", "baudRate"], ["device"]);

    /// <summary>Every object of a board file, root first.</summary>
    internal static readonly IReadOnlyList<BoardFileObject> All =
        [Root, Cpu, Memory, Gpio, I2c, PowerMonitor, TemperatureSensor, Watchdog, Storage, Link, LinkTcp, LinkSerial];

    /// <summary>Values of <c>backend</c>, in the order messages list them.</summary>
    internal static readonly IReadOnlyList<string> Backends = ["sim", "linux", "meadow"];

    /// <summary>Power monitor chips that have a driver.</summary>
    internal static readonly IReadOnlyList<string> SupportedPowerMonitors = ["ina219"];

    /// <summary>Temperature sensor chips that have a driver.</summary>
    internal static readonly IReadOnlyList<string> SupportedTemperatureSensors = ["tmp102"];

    /// <summary>Name of the schema file that sits beside the board files and is not a board.</summary>
    internal const string SchemaFileName = "board.schema.json";

    /// <summary><c>storage.path</c> value that keeps records in the simulator (sim backend only).</summary>
    internal const string MemoryStorage = "memory";

    /// <summary><c>watchdog.device</c> of the simulated board.</summary>
    internal const string SimWatchdogDevice = "model";

    /// <summary><c>watchdog.device</c> of a Meadow board: the STM32 independent watchdog.</summary>
    internal const string MeadowWatchdogDevice = "iwdg";

    /// <summary>Largest <c>cpu.cores</c>.</summary>
    internal const int MaxCores = 256;

    /// <summary>Largest <c>gpio.pinCount</c>; also the bound of <c>gpio.chip</c> and I2C bus numbers.</summary>
    internal const int MaxPins = 1024;

    /// <summary>Lowest 7-bit I2C address not reserved by the I2C specification.</summary>
    internal const int MinI2cAddress = 0x08;

    /// <summary>Highest 7-bit I2C address not reserved by the I2C specification.</summary>
    internal const int MaxI2cAddress = 0x77;

    /// <summary>Largest <c>i2c.powerMonitor.shuntOhms</c>.</summary>
    internal const double MaxShuntOhms = 10.0;

    /// <summary>INA219 full-scale shunt voltage (PGA /8 range, ±320 mV).</summary>
    internal const double Ina219MaxShuntVolts = 0.32;

    /// <summary>Slack for comparing decimal values that binary doubles cannot hold exactly (0.1 * 3.2).</summary>
    internal const double Tolerance = 1e-9;

    /// <summary>Largest <c>watchdog.timeoutSeconds</c>.</summary>
    internal const int MaxWatchdogSeconds = 3600;

    /// <summary>Largest <c>link.tcp.port</c>.</summary>
    internal const int MaxTcpPort = 65535;
}
