using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlightSw.Hal.Configuration;

namespace FlightSw.Hal.Boards;

/// <summary>
/// Turns the parsed JSON of one board file into a <see cref="BoardDefinition"/>, checking every
/// field and collecting every problem in <see cref="Errors"/>.
/// </summary>
internal sealed partial class BoardFileReader
{
    private readonly JsonFieldReader _fields;
    private readonly string _sourceFile;

    /// <summary>Creates a reader for the file at <paramref name="sourceFile"/> (used in errors and for the name check).</summary>
    public BoardFileReader(string sourceFile)
    {
        _sourceFile = sourceFile;
        _fields = new JsonFieldReader(sourceFile);
    }

    /// <summary>Every problem found by <see cref="Read"/>.</summary>
    public IReadOnlyList<BoardDefinitionError> Errors => [.. _fields.Problems.Select(BoardDefinitionError.From)];

    /// <summary>The definition, or null when <see cref="Errors"/> is not empty.</summary>
    public BoardDefinition? Read(JsonElement root)
    {
        var rootShape = BoardFileLayout.Root;
        if (!_fields.CheckObject(root, rootShape.Path, rootShape.Properties, rootShape.Required))
        {
            return null;
        }

        var name = ReadName(root);
        var description = _fields.NonBlankString(root, string.Empty, "description");
        var backend = ReadBackend(root);
        var runtimeIdentifier = ReadRuntimeIdentifier(root, backend);
        var cpu = ReadCpu(root);
        var memory = ReadMemory(root);
        var gpio = ReadGpio(root);
        var i2c = ReadI2c(root);
        var watchdog = ReadWatchdog(root, backend);
        var storage = ReadStorage(root, backend);
        var link = ReadLink(root, backend);
        _ = _fields.NonBlankString(root, string.Empty, "$schema");

        if (_fields.Problems.Count > 0)
        {
            return null;
        }

        return new BoardDefinition(
            name!, description!, backend!.Value, runtimeIdentifier, cpu!, memory!, gpio!, i2c!, watchdog!, storage!, _sourceFile)
        {
            Link = link!,
        };
    }

    private string? ReadName(JsonElement root)
    {
        var name = _fields.NonBlankString(root, string.Empty, "name");
        if (name is null)
        {
            return null;
        }

        if (!BoardNamePattern().IsMatch(name))
        {
            _fields.Report("name", $"must be lower-case letters, digits and '-', starting with a letter or digit; found \"{name}\"");
            return null;
        }

        var expected = Path.GetFileNameWithoutExtension(_sourceFile);
        if (!string.Equals(name, expected, StringComparison.Ordinal))
        {
            _fields.Report("name", $"must equal the file name without extension, \"{expected}\"; found \"{name}\"");
            return null;
        }

        return name;
    }

    private BoardBackend? ReadBackend(JsonElement root)
    {
        var text = _fields.NonBlankString(root, string.Empty, "backend");
        switch (text)
        {
            case null:
                return null;
            case "sim":
                return BoardBackend.Sim;
            case "linux":
                return BoardBackend.Linux;
            case "meadow":
                return BoardBackend.Meadow;
            default:
                _fields.Report("backend", $"must be one of {string.Join(", ", BoardFileLayout.Backends)}; found \"{text}\"");
                return null;
        }
    }

    private string? ReadRuntimeIdentifier(JsonElement root, BoardBackend? backend)
    {
        const string field = "runtimeIdentifier";
        var present = JsonFieldReader.TryGet(root, field, out _);
        if (backend == BoardBackend.Meadow)
        {
            if (present)
            {
                _fields.Report(field, "must be absent for the meadow backend (Meadow apps are not published for a runtime identifier)");
            }

            return null;
        }

        if (!present)
        {
            if (backend is { } required)
            {
                _fields.Report(field, $"is required for the {BackendName(required)} backend (for example \"linux-arm64\")");
            }

            return null;
        }

        var rid = _fields.NonBlankString(root, string.Empty, field);
        if (rid is null)
        {
            return null;
        }

        if (!RuntimeIdentifierPattern().IsMatch(rid))
        {
            _fields.Report(field, $"must be a .NET runtime identifier of the form os-arch, such as \"linux-arm64\"; found \"{rid}\"");
            return null;
        }

        if (backend == BoardBackend.Linux && !rid.StartsWith("linux-", StringComparison.Ordinal))
        {
            _fields.Report(field, $"must be a linux-* runtime identifier for the linux backend; found \"{rid}\"");
            return null;
        }

        return rid;
    }

    private CpuInfo? ReadCpu(JsonElement root)
    {
        var shape = BoardFileLayout.Cpu;
        if (Object(root, shape) is not { } cpu)
        {
            return null;
        }

        var model = _fields.NonBlankString(cpu, shape.Path, "model");
        var cores = _fields.Int(cpu, shape.Path, "cores", 1, BoardFileLayout.MaxCores);
        var budget = _fields.Int(cpu, shape.Path, "budgetPercent", 1, 100);
        return model is null || cores is null || budget is null ? null : new CpuInfo(model, cores.Value, budget.Value);
    }

    private MemoryInfo? ReadMemory(JsonElement root)
    {
        var shape = BoardFileLayout.Memory;
        if (Object(root, shape) is not { } memory)
        {
            return null;
        }

        var total = _fields.Int(memory, shape.Path, "totalMiB", 1, int.MaxValue);
        var budget = total is null
            ? _fields.Int(memory, shape.Path, "budgetMiB", 1, int.MaxValue)
            : _fields.Int(memory, shape.Path, "budgetMiB", 1, total.Value);
        return total is null || budget is null ? null : new MemoryInfo(total.Value, budget.Value);
    }

    private GpioLayout? ReadGpio(JsonElement root)
    {
        var shape = BoardFileLayout.Gpio;
        if (Object(root, shape) is not { } gpio)
        {
            return null;
        }

        var chip = _fields.Int(gpio, shape.Path, "chip", 0, BoardFileLayout.MaxPins - 1);
        var pinCount = _fields.Int(gpio, shape.Path, "pinCount", 1, BoardFileLayout.MaxPins);
        var ledMax = pinCount is null ? BoardFileLayout.MaxPins - 1 : pinCount.Value - 1;
        var ledPin = _fields.Int(gpio, shape.Path, "statusLedPin", 0, ledMax);
        var label = _fields.NonBlankString(gpio, shape.Path, "statusLedLabel");
        return chip is null || pinCount is null || ledPin is null || label is null
            ? null
            : new GpioLayout(chip.Value, pinCount.Value, ledPin.Value, label);
    }

    private I2cLayout? ReadI2c(JsonElement root)
    {
        var shape = BoardFileLayout.I2c;
        if (Object(root, shape) is not { } i2c)
        {
            return null;
        }

        var buses = ReadBuses(i2c, shape.Path);
        var power = ReadPowerMonitor(i2c, buses);
        var temperature = ReadTemperatureSensor(i2c, buses);

        if (power is not null && temperature is not null && power.Bus == temperature.Bus && power.Address == temperature.Address)
        {
            _fields.Report(
                JsonFieldReader.Join(BoardFileLayout.TemperatureSensor.Path, "address"),
                $"0x{temperature.Address:x2} on bus {temperature.Bus} is already taken by the power monitor; two chips cannot share a bus and address");
            return null;
        }

        return buses is null || power is null || temperature is null ? null : new I2cLayout(buses, power, temperature);
    }

    private IReadOnlyList<int>? ReadBuses(JsonElement i2c, string parentPath)
    {
        if (!JsonFieldReader.TryGet(i2c, "buses", out var value))
        {
            return null;
        }

        var path = JsonFieldReader.Join(parentPath, "buses");
        if (value.ValueKind != JsonValueKind.Array)
        {
            _fields.Report(path, $"must be an array of bus numbers such as [1]; found {JsonFieldReader.Describe(value)}");
            return null;
        }

        if (value.GetArrayLength() == 0)
        {
            _fields.Report(path, "must list at least one bus");
            return null;
        }

        var buses = new List<int>();
        var valid = true;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonFieldReader.Index(path, index);
            var bus = _fields.IntValue(item, itemPath, 0, BoardFileLayout.MaxPins - 1);
            if (bus is null)
            {
                valid = false;
            }
            else if (buses.Contains(bus.Value))
            {
                _fields.Report(itemPath, $"bus {bus.Value} is listed more than once");
                valid = false;
            }
            else
            {
                buses.Add(bus.Value);
            }

            index++;
        }

        return valid ? buses.AsReadOnly() : null;
    }

    private PowerMonitorChip? ReadPowerMonitor(JsonElement i2c, IReadOnlyList<int>? buses)
    {
        var shape = BoardFileLayout.PowerMonitor;
        if (Object(i2c, shape) is not { } monitor)
        {
            return null;
        }

        var chip = ReadChipName(monitor, shape.Path, BoardFileLayout.SupportedPowerMonitors, "power monitor");
        var bus = ReadChipBus(monitor, shape.Path, buses);
        var address = _fields.I2cAddress(monitor, shape.Path, "address");
        var shunt = _fields.Number(monitor, shape.Path, "shuntOhms", NumberRange.Any);
        var amps = _fields.Number(monitor, shape.Path, "maxExpectedAmps", NumberRange.Any);

        if (shunt is not null && (shunt <= 0 || shunt > BoardFileLayout.MaxShuntOhms))
        {
            _fields.Report(
                JsonFieldReader.Join(shape.Path, "shuntOhms"),
                FormattableString.Invariant($"must be greater than 0 and at most {BoardFileLayout.MaxShuntOhms} ohms; found {shunt}"));
            shunt = null;
        }

        if (amps is not null && amps <= 0)
        {
            _fields.Report(
                JsonFieldReader.Join(shape.Path, "maxExpectedAmps"),
                FormattableString.Invariant($"must be greater than 0 amperes; found {amps}"));
            amps = null;
        }

        if (shunt is not null && amps is not null && shunt * amps > BoardFileLayout.Ina219MaxShuntVolts + BoardFileLayout.Tolerance)
        {
            var maxAmps = BoardFileLayout.Ina219MaxShuntVolts / shunt.Value;
            _fields.Report(
                JsonFieldReader.Join(shape.Path, "maxExpectedAmps"),
                FormattableString.Invariant(
                    $"{amps} A through {shunt} ohms drops {shunt * amps:0.###} V, beyond the INA219's maximum shunt voltage range of ") +
                FormattableString.Invariant(
                    $"{BoardFileLayout.Ina219MaxShuntVolts} V (±320 mV); use at most {maxAmps:0.###} A or a smaller shunt"));
            amps = null;
        }

        return chip is null || bus is null || address is null || shunt is null || amps is null
            ? null
            : new PowerMonitorChip(chip, bus.Value, address.Value, shunt.Value, amps.Value);
    }

    private I2cChip? ReadTemperatureSensor(JsonElement i2c, IReadOnlyList<int>? buses)
    {
        var shape = BoardFileLayout.TemperatureSensor;
        if (Object(i2c, shape) is not { } sensor)
        {
            return null;
        }

        var chip = ReadChipName(sensor, shape.Path, BoardFileLayout.SupportedTemperatureSensors, "temperature sensor");
        var bus = ReadChipBus(sensor, shape.Path, buses);
        var address = _fields.I2cAddress(sensor, shape.Path, "address");
        return chip is null || bus is null || address is null ? null : new I2cChip(chip, bus.Value, address.Value);
    }

    private string? ReadChipName(JsonElement chip, string parentPath, IReadOnlyList<string> supported, string role)
    {
        var name = _fields.NonBlankString(chip, parentPath, "chip");
        if (name is null)
        {
            return null;
        }

        if (!supported.Contains(name, StringComparer.Ordinal))
        {
            _fields.Report(
                JsonFieldReader.Join(parentPath, "chip"),
                $"no {role} driver for \"{name}\"; supported chips: {string.Join(", ", supported)}");
            return null;
        }

        return name;
    }

    private int? ReadChipBus(JsonElement chip, string parentPath, IReadOnlyList<int>? buses)
    {
        var bus = _fields.Int(chip, parentPath, "bus", 0, BoardFileLayout.MaxPins - 1);
        if (bus is not null && buses is not null && !buses.Contains(bus.Value))
        {
            _fields.Report(
                JsonFieldReader.Join(parentPath, "bus"),
                $"bus {bus.Value} is not one of i2c.buses [{string.Join(", ", buses)}]");
            return null;
        }

        return bus;
    }

    private WatchdogSettings? ReadWatchdog(JsonElement root, BoardBackend? backend)
    {
        var shape = BoardFileLayout.Watchdog;
        if (Object(root, shape) is not { } watchdog)
        {
            return null;
        }

        var device = _fields.NonBlankString(watchdog, shape.Path, "device");
        var timeout = _fields.Int(watchdog, shape.Path, "timeoutSeconds", 1, BoardFileLayout.MaxWatchdogSeconds);
        var devicePath = JsonFieldReader.Join(shape.Path, "device");
        switch (backend)
        {
            case BoardBackend.Linux when device is not null && !device.StartsWith("/dev/", StringComparison.Ordinal):
                _fields.Report(devicePath, $"must be a device path starting with /dev/ for the linux backend (usually /dev/watchdog); found \"{device}\"");
                return null;
            case BoardBackend.Sim when device is not null && device != BoardFileLayout.SimWatchdogDevice:
                _fields.Report(devicePath, $"must be \"{BoardFileLayout.SimWatchdogDevice}\" for the sim backend (the simulator's watchdog model); found \"{device}\"");
                return null;
            case BoardBackend.Meadow when device is not null && device != BoardFileLayout.MeadowWatchdogDevice:
                _fields.Report(devicePath, $"must be \"{BoardFileLayout.MeadowWatchdogDevice}\" for the meadow backend (the STM32 independent watchdog); found \"{device}\"");
                return null;
        }

        return device is null || timeout is null ? null : new WatchdogSettings(device, timeout.Value);
    }

    private StorageSettings? ReadStorage(JsonElement root, BoardBackend? backend)
    {
        var shape = BoardFileLayout.Storage;
        if (Object(root, shape) is not { } storage)
        {
            return null;
        }

        var path = _fields.NonBlankString(storage, shape.Path, "path");
        if (path is null)
        {
            return null;
        }

        var field = JsonFieldReader.Join(shape.Path, "path");
        if (path == BoardFileLayout.MemoryStorage)
        {
            if (backend is BoardBackend.Linux or BoardBackend.Meadow)
            {
                _fields.Report(field, $"\"{BoardFileLayout.MemoryStorage}\" is only allowed for the sim backend; give a directory on the board");
                return null;
            }
        }
        else if ((backend is BoardBackend.Linux or BoardBackend.Meadow) && !path.StartsWith('/'))
        {
            _fields.Report(field, $"must be an absolute directory path such as /var/lib/flightsw; found \"{path}\"");
            return null;
        }

        return new StorageSettings(path);
    }

    /// <summary>The optional <c>link</c> section: <see cref="LinkSettings.Default"/> when absent, null when any part of it is invalid.</summary>
    private LinkSettings? ReadLink(JsonElement root, BoardBackend? backend)
    {
        var shape = BoardFileLayout.Link;
        if (!JsonFieldReader.TryGet(root, shape.Path, out _))
        {
            return LinkSettings.Default;
        }

        var problemsBefore = _fields.Problems.Count;
        if (Object(root, shape) is not { } link)
        {
            return null;
        }

        var settings = LinkSettings.Default;
        if (Object(link, BoardFileLayout.LinkTcp) is { } tcp)
        {
            var tcpPath = BoardFileLayout.LinkTcp.Path;
            settings = settings with
            {
                TcpBindAddress = ReadBindAddress(tcp, tcpPath) ?? settings.TcpBindAddress,
                TcpPort = _fields.Int(tcp, tcpPath, "port", 1, BoardFileLayout.MaxTcpPort) ?? settings.TcpPort,
            };
        }

        if (Object(link, BoardFileLayout.LinkSerial) is { } serial)
        {
            var serialPath = BoardFileLayout.LinkSerial.Path;
            settings = settings with
            {
                SerialDevice = ReadSerialDevice(serial, serialPath, backend),
                SerialBaudRate = ReadBaudRate(serial, serialPath) ?? settings.SerialBaudRate,
            };
        }

        settings = settings with { KeyFile = ReadKeyFile(link, shape.Path, backend) };
        return _fields.Problems.Count == problemsBefore ? settings : null;
    }

    private string? ReadBindAddress(JsonElement tcp, string parentPath)
    {
        var text = _fields.NonBlankString(tcp, parentPath, "bind");
        if (text is null)
        {
            return null;
        }

        // IPAddress.TryParse also takes shorthand such as "127.1" or "5170"; only the usual dotted quad is accepted for IPv4.
        if (!IPAddress.TryParse(text, out var address) ||
            (address.AddressFamily == AddressFamily.InterNetwork && !string.Equals(address.ToString(), text, StringComparison.Ordinal)))
        {
            _fields.Report(
                JsonFieldReader.Join(parentPath, "bind"),
                $"must be an IP address such as \"{LinkSettings.DefaultTcpBindAddress}\", \"0.0.0.0\" or \"::1\"; found \"{text}\"");
            return null;
        }

        return text;
    }

    private string? ReadSerialDevice(JsonElement serial, string parentPath, BoardBackend? backend)
    {
        var device = _fields.NonBlankString(serial, parentPath, "device");
        if (device is not null && backend == BoardBackend.Linux && !device.StartsWith("/dev/", StringComparison.Ordinal))
        {
            _fields.Report(
                JsonFieldReader.Join(parentPath, "device"),
                $"must be a device path starting with /dev/ for the linux backend (such as /dev/serial0 or /dev/ttyS1); found \"{device}\"");
            return null;
        }

        return device;
    }

    private int? ReadBaudRate(JsonElement serial, string parentPath)
    {
        var rate = _fields.Int(serial, parentPath, "baudRate", 1, int.MaxValue);
        if (rate is not null && !LinkSettings.StandardBaudRates.Contains(rate.Value))
        {
            _fields.Report(
                JsonFieldReader.Join(parentPath, "baudRate"),
                $"must be a standard baud rate, one of {string.Join(", ", LinkSettings.StandardBaudRates)}; found {rate.Value}");
            return null;
        }

        return rate;
    }

    private string? ReadKeyFile(JsonElement link, string parentPath, BoardBackend? backend)
    {
        var path = _fields.NonBlankString(link, parentPath, "keyFile");
        if (path is not null && (backend is BoardBackend.Linux or BoardBackend.Meadow) && !path.StartsWith('/'))
        {
            _fields.Report(
                JsonFieldReader.Join(parentPath, "keyFile"),
                $"must be an absolute file path such as /etc/flightsw/link.keys for the {BackendName(backend.Value)} backend; found \"{path}\"");
            return null;
        }

        return path;
    }

    /// <summary>A nested object of the board file, checked against <paramref name="shape"/>; null when absent or not an object.</summary>
    private JsonElement? Object(JsonElement parent, BoardFileObject shape)
    {
        var dot = shape.Path.LastIndexOf('.');
        var parentPath = dot < 0 ? string.Empty : shape.Path[..dot];
        return _fields.Object(parent, parentPath, shape.Path[(dot + 1)..], shape.Properties, shape.Required);
    }

    private static string BackendName(BoardBackend backend) => BoardFileLayout.Backends[(int)backend];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BoardNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9.]*(-[a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuntimeIdentifierPattern();
}
