using System.Text.Json;
using System.Text.Json.Nodes;
using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Tests.Boards;

[TestFixture]
public class BoardDefinitionLoaderTests
{
    private static IEnumerable<string> ShippedBoards() => RepoBoards.ShippedNames;

    [TestCaseSource(nameof(ShippedBoards))]
    public void LoadFile_ShippedBoard_LoadsWithMatchingName(string name)
    {
        var path = RepoBoards.PathOf(name);

        var board = BoardDefinitionLoader.LoadFile(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.Name, Is.EqualTo(name));
            Assert.That(board.SourceFile, Is.EqualTo(path));
            Assert.That(board.I2c.Buses, Does.Contain(board.I2c.PowerMonitor.Bus));
            Assert.That(board.I2c.Buses, Does.Contain(board.I2c.TemperatureSensor.Bus));
        }
    }

    [TestCaseSource(nameof(ShippedBoards))]
    public void ShippedBoard_SchemaReference_IsBoardSchemaJson(string name)
    {
        var json = RepoBoards.Json(name);

        Assert.That((string?)json["$schema"], Is.EqualTo("board.schema.json"));
    }

    [Test]
    public void LoadFile_Sim_HasTheSimulatorsFixedSettings()
    {
        var sim = BoardDefinitionLoader.LoadFile(RepoBoards.PathOf("sim"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.Backend, Is.EqualTo(BoardBackend.Sim));
            Assert.That(sim.RuntimeIdentifier, Is.EqualTo("linux-x64"));
            Assert.That(sim.I2c.Buses, Is.EqualTo(new[] { 1 }));
            Assert.That(sim.I2c.PowerMonitor, Is.EqualTo(new PowerMonitorChip("ina219", 1, 0x40, 0.1, 3.0)));
            Assert.That(sim.I2c.TemperatureSensor, Is.EqualTo(new I2cChip("tmp102", 1, 0x48)));
            Assert.That(sim.Gpio.Chip, Is.Zero);
            Assert.That(sim.Gpio.PinCount, Is.EqualTo(64));
            Assert.That(sim.Gpio.StatusLedPin, Is.EqualTo(17));
            Assert.That(sim.Watchdog, Is.EqualTo(new WatchdogSettings("model", 5)));
            Assert.That(sim.Storage.Path, Is.EqualTo("memory"));
        }
    }

    [Test]
    public void LoadFile_Meadow_HasNoRuntimeIdentifier()
    {
        var meadow = BoardDefinitionLoader.LoadFile(RepoBoards.PathOf("meadow-f7v2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(meadow.Backend, Is.EqualTo(BoardBackend.Meadow));
            Assert.That(meadow.RuntimeIdentifier, Is.Null);
            Assert.That(meadow.Watchdog.Device, Is.EqualTo("iwdg"));
        }
    }

    [Test]
    public void LoadFile_BeagleBoneBlack_Is32BitArm()
    {
        var board = BoardDefinitionLoader.LoadFile(RepoBoards.PathOf("beaglebone-black"));

        Assert.That(board.RuntimeIdentifier, Is.EqualTo("linux-arm"));
    }

    [Test]
    public void LoadFile_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(RepoBoards.Directory, "no-such-board.json");

        Assert.That(() => BoardDefinitionLoader.LoadFile(path), Throws.InstanceOf<FileNotFoundException>());
    }

    [Test]
    public void Parse_AddressAsInteger_EqualsHexString()
    {
        var json = RepoBoards.Json("rpi4");
        json["i2c"]!["powerMonitor"]!["address"] = 64;

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json");

        Assert.That(board.I2c.PowerMonitor.Address, Is.EqualTo(0x40));
    }

    [Test]
    public void Parse_CommentsAndTrailingCommas_Accepted()
    {
        var text = File.ReadAllText(RepoBoards.PathOf("sim"))
            .Replace("\"storage\": { \"path\": \"memory\" }", "\"storage\": { \"path\": \"memory\", }, // kept by the simulator", StringComparison.Ordinal);
        text = "// simulated board\n/* block comment */\n" + text;

        var board = BoardDefinitionLoader.Parse(text, "sim.json");

        Assert.That(board.Storage.Path, Is.EqualTo("memory"));
    }

    [Test]
    public void Parse_ShuntVoltageExactlyAtIna219Limit_Accepted()
    {
        // 0.1 ohm * 3.2 A is 0.32 V, the INA219's full range; in binary doubles the product is a hair above 0.32.
        var json = RepoBoards.Json("rpi4");
        json["i2c"]!["powerMonitor"]!["maxExpectedAmps"] = 3.2;

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json");

        Assert.That(board.I2c.PowerMonitor.MaxExpectedAmps, Is.EqualTo(3.2));
    }

    [Test]
    public void Parse_SimStorageDirectory_Accepted()
    {
        var json = RepoBoards.Json("sim");
        json["storage"]!["path"] = "/tmp/flightsw-sim";

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "sim.json");

        Assert.That(board.Storage.Path, Is.EqualTo("/tmp/flightsw-sim"));
    }

    [Test]
    public void LoadFile_Sim_NoLinkSectionGivesDefaults()
    {
        Assert.That(RepoBoards.Json("sim").ContainsKey("link"), Is.False, "sim.json is meant to rely on the defaults");

        var sim = BoardDefinitionLoader.LoadFile(RepoBoards.PathOf("sim"));

        Assert.That(sim.Link, Is.EqualTo(LinkSettings.Default));
    }

    [Test]
    public void Parse_LinkSectionAbsent_LinkIsDefault()
    {
        var json = RepoBoards.Json("rpi4");
        json.Remove("link");

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.Link.TcpBindAddress, Is.EqualTo("127.0.0.1"));
            Assert.That(board.Link.TcpPort, Is.EqualTo(5170));
            Assert.That(board.Link.SerialDevice, Is.Null);
            Assert.That(board.Link.SerialBaudRate, Is.EqualTo(115200));
            Assert.That(board.Link.KeyFile, Is.Null);
        }
    }

    [Test]
    public void Parse_EmptyLinkSection_LinkIsDefault()
    {
        var json = RepoBoards.Json("rpi4");
        json["link"] = new JsonObject();

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json");

        Assert.That(board.Link, Is.EqualTo(LinkSettings.Default));
    }

    [Test]
    public void Parse_FullLinkSection_ReadsEveryField()
    {
        var json = RepoBoards.Json("rpi4");
        json["link"] = JsonNode.Parse("""
            {
              "tcp": { "bind": "0.0.0.0", "port": 6000 },
              "serial": { "device": "/dev/ttyAMA0", "baudRate": 57600 },
              "keyFile": "/srv/keys/link.keys"
            }
            """);

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json");

        Assert.That(board.Link, Is.EqualTo(new LinkSettings("0.0.0.0", 6000, "/dev/ttyAMA0", 57600, "/srv/keys/link.keys")));
    }

    [Test]
    public void Parse_PartialLinkSection_OtherFieldsKeepDefaults()
    {
        var json = RepoBoards.Json("rpi4");
        json["link"] = JsonNode.Parse("""{ "tcp": { "port": 6001 }, "serial": { "device": "/dev/ttyUSB0" } }""");

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json");

        Assert.That(board.Link, Is.EqualTo(LinkSettings.Default with { TcpPort = 6001, SerialDevice = "/dev/ttyUSB0" }));
    }

    [TestCase("::1")]
    [TestCase("0.0.0.0")]
    [TestCase("192.168.1.20")]
    [TestCase("fe80::1")]
    public void Parse_LinkBindIpAddress_Accepted(string bind)
    {
        var json = RepoBoards.Json("rpi4");
        json["link"]!["tcp"]!["bind"] = bind;

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json");

        Assert.That(board.Link.TcpBindAddress, Is.EqualTo(bind));
    }

    [Test]
    public void Parse_SimRelativeKeyFile_Accepted()
    {
        var json = RepoBoards.Json("sim");
        json["link"] = new JsonObject { ["keyFile"] = "keys/link.keys" };

        var board = BoardDefinitionLoader.Parse(json.ToJsonString(), "sim.json");

        Assert.That(board.Link.KeyFile, Is.EqualTo("keys/link.keys"));
    }

    [Test]
    public void Parse_SeveralLinkErrors_ReportsEveryOne()
    {
        var json = RepoBoards.Json("rpi4");
        json["link"]!["tcp"]!["port"] = 0;
        json["link"]!["tcp"]!["bind"] = "nowhere";
        json["link"]!["serial"]!["baudRate"] = 1200;
        json["link"]!["keyFile"] = "link.keys";

        var ex = Assert.Throws<BoardDefinitionException>(() => BoardDefinitionLoader.Parse(json.ToJsonString(), "boards/rpi4.json"))!;

        Assert.That(
            ex.Errors.Select(e => e.Field),
            Is.EquivalentTo(new[] { "link.tcp.port", "link.tcp.bind", "link.serial.baudRate", "link.keyFile" }));
    }

    [TestCase("rpi4", "/dev/serial0")]
    [TestCase("rpi5", "/dev/serial0")]
    [TestCase("rpi-zero2w", "/dev/serial0")]
    [TestCase("jetson-orin-nano", "/dev/ttyTHS0")]
    [TestCase("beaglebone-black", "/dev/ttyS1")]
    public void LoadFile_LinuxBoard_LinkHasLoopbackTcpSerialAndKeyFile(string name, string serialDevice)
    {
        var board = BoardDefinitionLoader.LoadFile(RepoBoards.PathOf(name));

        Assert.That(board.Link, Is.EqualTo(new LinkSettings("127.0.0.1", 5170, serialDevice, 115200, "/etc/flightsw/link.keys")));
    }

    [Test]
    public void LoadFile_Meadow_LinkIsTcpOnlyWithoutKeyFile()
    {
        var meadow = BoardDefinitionLoader.LoadFile(RepoBoards.PathOf("meadow-f7v2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(meadow.Link.TcpBindAddress, Is.EqualTo("127.0.0.1"));
            Assert.That(meadow.Link.TcpPort, Is.EqualTo(5170));
            Assert.That(meadow.Link.HasSerial, Is.False);
            Assert.That(meadow.Link.KeyFile, Is.Null);
        }
    }

    public static IEnumerable<TestCaseData> MalformedCases()
    {
        static TestCaseData Case(string name, string board, Action<JsonObject> mutate, string field, string reasonPart) =>
            new TestCaseData(board, mutate, field, reasonPart).SetName($"Parse_{name}_ReportsFileAndField");

        yield return Case("MissingCores", "rpi4", j => j["cpu"]!.AsObject().Remove("cores"), "cpu.cores", "required");
        yield return Case("MissingCpu", "rpi4", j => j.Remove("cpu"), "cpu", "required");
        yield return Case("CpuNotObject", "rpi4", j => j["cpu"] = 4, "cpu", "must be an object");
        yield return Case("CoresAsString", "rpi4", j => j["cpu"]!["cores"] = "four", "cpu.cores", "whole number");
        yield return Case("CoresFractional", "rpi4", j => j["cpu"]!["cores"] = 2.5, "cpu.cores", "whole number");
        yield return Case("CoresZero", "rpi4", j => j["cpu"]!["cores"] = 0, "cpu.cores", "from 1 to 256");
        yield return Case("CoresTooMany", "rpi4", j => j["cpu"]!["cores"] = 257, "cpu.cores", "from 1 to 256");
        yield return Case("BudgetPercentZero", "rpi4", j => j["cpu"]!["budgetPercent"] = 0, "cpu.budgetPercent", "from 1 to 100");
        yield return Case("BudgetPercentOver100", "rpi4", j => j["cpu"]!["budgetPercent"] = 101, "cpu.budgetPercent", "from 1 to 100");
        yield return Case("EmptyModel", "rpi4", j => j["cpu"]!["model"] = " ", "cpu.model", "must not be empty");
        yield return Case("MemoryBudgetOverTotal", "rpi4", j => j["memory"]!["budgetMiB"] = 4097, "memory.budgetMiB", "from 1 to 4096");
        yield return Case("MemoryBudgetZero", "rpi4", j => j["memory"]!["budgetMiB"] = 0, "memory.budgetMiB", "from 1");
        yield return Case("PinCountTooLarge", "rpi4", j => j["gpio"]!["pinCount"] = 1025, "gpio.pinCount", "from 1 to 1024");
        yield return Case("StatusLedAtPinCount", "rpi4", j => j["gpio"]!["statusLedPin"] = 58, "gpio.statusLedPin", "from 0 to 57");
        yield return Case("NegativeChip", "rpi4", j => j["gpio"]!["chip"] = -1, "gpio.chip", "from 0");
        yield return Case("UnknownRootField", "rpi4", j => j["descripton"] = "typo", "descripton", "did you mean 'description'");
        yield return Case("UnknownNestedField", "rpi4", j => j["i2c"]!["powerMonitor"]!["adress"] = "0x41", "i2c.powerMonitor.adress", "unknown field");
        yield return Case("NameNotFileName", "rpi4", j => j["name"] = "rpi3", "name", "\"rpi4\"");
        yield return Case("NameUpperCase", "rpi4", j => j["name"] = "RPi4", "name", "lower-case");
        yield return Case("BackendUnknown", "rpi4", j => j["backend"] = "windows", "backend", "sim, linux, meadow");
        yield return Case("RuntimeIdentifierMissingForLinux", "rpi4", j => j.Remove("runtimeIdentifier"), "runtimeIdentifier", "required for the linux backend");
        yield return Case("RuntimeIdentifierMissingForSim", "sim", j => j.Remove("runtimeIdentifier"), "runtimeIdentifier", "required for the sim backend");
        yield return Case("RuntimeIdentifierWithoutOs", "rpi4", j => j["runtimeIdentifier"] = "arm64", "runtimeIdentifier", "os-arch");
        yield return Case("RuntimeIdentifierNotLinux", "rpi4", j => j["runtimeIdentifier"] = "win-arm64", "runtimeIdentifier", "linux-*");
        yield return Case("RuntimeIdentifierOnMeadow", "meadow-f7v2", j => j["runtimeIdentifier"] = "linux-arm", "runtimeIdentifier", "absent for the meadow backend");
        yield return Case("BusesEmpty", "rpi4", j => j["i2c"]!["buses"] = new JsonArray(), "i2c.buses", "at least one");
        yield return Case("BusesNotArray", "rpi4", j => j["i2c"]!["buses"] = 1, "i2c.buses", "array");
        yield return Case("BusListedTwice", "rpi4", j => j["i2c"]!["buses"] = new JsonArray(1, 1), "i2c.buses[1]", "more than once");
        yield return Case("AddressReservedLow", "rpi4", j => j["i2c"]!["powerMonitor"]!["address"] = "0x07", "i2c.powerMonitor.address", "0x08 to 0x77");
        yield return Case("AddressReservedHigh", "rpi4", j => j["i2c"]!["powerMonitor"]!["address"] = "0x78", "i2c.powerMonitor.address", "0x08 to 0x77");
        yield return Case("AddressTooLargeInteger", "rpi4", j => j["i2c"]!["temperatureSensor"]!["address"] = 200, "i2c.temperatureSensor.address", "found 0xc8");
        yield return Case("AddressNotHex", "rpi4", j => j["i2c"]!["powerMonitor"]!["address"] = "forty", "i2c.powerMonitor.address", "hex string");
        yield return Case("AddressDecimalString", "rpi4", j => j["i2c"]!["powerMonitor"]!["address"] = "64", "i2c.powerMonitor.address", "hex string");
        yield return Case("PowerMonitorUnsupported", "rpi4", j => j["i2c"]!["powerMonitor"]!["chip"] = "ina226", "i2c.powerMonitor.chip", "supported chips: ina219");
        yield return Case("TemperatureSensorUnsupported", "rpi4", j => j["i2c"]!["temperatureSensor"]!["chip"] = "lm75", "i2c.temperatureSensor.chip", "supported chips: tmp102");
        yield return Case("ChipBusNotListed", "rpi4", j => j["i2c"]!["temperatureSensor"]!["bus"] = 3, "i2c.temperatureSensor.bus", "not one of i2c.buses [1]");
        yield return Case("ChipsShareAddress", "rpi4", j => j["i2c"]!["temperatureSensor"]!["address"] = "0x40", "i2c.temperatureSensor.address", "already taken by the power monitor");
        yield return Case("ShuntZero", "rpi4", j => j["i2c"]!["powerMonitor"]!["shuntOhms"] = 0, "i2c.powerMonitor.shuntOhms", "greater than 0");
        yield return Case("ShuntTooLarge", "rpi4", j => j["i2c"]!["powerMonitor"]!["shuntOhms"] = 11, "i2c.powerMonitor.shuntOhms", "at most 10");
        yield return Case("ShuntAsString", "rpi4", j => j["i2c"]!["powerMonitor"]!["shuntOhms"] = "0.1", "i2c.powerMonitor.shuntOhms", "must be a number");
        yield return Case("AmpsZero", "rpi4", j => j["i2c"]!["powerMonitor"]!["maxExpectedAmps"] = 0, "i2c.powerMonitor.maxExpectedAmps", "greater than 0");
        yield return Case("ShuntVoltageBeyondIna219", "rpi4", j => j["i2c"]!["powerMonitor"]!["maxExpectedAmps"] = 5.0, "i2c.powerMonitor.maxExpectedAmps", "INA219's maximum shunt voltage range of 0.32 V");
        yield return Case("WatchdogTimeoutZero", "rpi4", j => j["watchdog"]!["timeoutSeconds"] = 0, "watchdog.timeoutSeconds", "from 1 to 3600");
        yield return Case("WatchdogTimeoutTooLong", "rpi4", j => j["watchdog"]!["timeoutSeconds"] = 3601, "watchdog.timeoutSeconds", "from 1 to 3600");
        yield return Case("LinuxWatchdogNotDev", "rpi4", j => j["watchdog"]!["device"] = "watchdog", "watchdog.device", "/dev/");
        yield return Case("MeadowWatchdogNotIwdg", "meadow-f7v2", j => j["watchdog"]!["device"] = "/dev/watchdog", "watchdog.device", "\"iwdg\"");
        yield return Case("SimWatchdogNotModel", "sim", j => j["watchdog"]!["device"] = "/dev/watchdog", "watchdog.device", "\"model\"");
        yield return Case("StoragePathEmpty", "rpi4", j => j["storage"]!["path"] = "", "storage.path", "must not be empty");
        yield return Case("MemoryStorageOnLinux", "rpi4", j => j["storage"]!["path"] = "memory", "storage.path", "only allowed for the sim backend");
        yield return Case("MemoryStorageOnMeadow", "meadow-f7v2", j => j["storage"]!["path"] = "memory", "storage.path", "only allowed for the sim backend");
        yield return Case("RelativeStorageOnLinux", "rpi4", j => j["storage"]!["path"] = "data", "storage.path", "absolute");
        yield return Case("LinkNotObject", "rpi4", j => j["link"] = "tcp", "link", "must be an object");
        yield return Case("LinkUnknownField", "rpi4", j => j["link"]!["keyfile"] = "/etc/k", "link.keyfile", "did you mean 'keyFile'");
        yield return Case("LinkTcpUnknownField", "rpi4", j => j["link"]!["tcp"]!["address"] = "127.0.0.1", "link.tcp.address", "unknown field");
        yield return Case("LinkSerialUnknownField", "rpi4", j => j["link"]!["serial"]!["baud"] = 9600, "link.serial.baud", "did you mean 'baudRate'");
        yield return Case("LinkPortZero", "rpi4", j => j["link"]!["tcp"]!["port"] = 0, "link.tcp.port", "from 1 to 65535");
        yield return Case("LinkPortTooLarge", "rpi4", j => j["link"]!["tcp"]!["port"] = 65536, "link.tcp.port", "from 1 to 65535");
        yield return Case("LinkPortAsString", "rpi4", j => j["link"]!["tcp"]!["port"] = "5170", "link.tcp.port", "whole number");
        yield return Case("LinkBindNotAddress", "rpi4", j => j["link"]!["tcp"]!["bind"] = "localhost", "link.tcp.bind", "must be an IP address");
        yield return Case("LinkBindIpv4Shorthand", "rpi4", j => j["link"]!["tcp"]!["bind"] = "127.1", "link.tcp.bind", "must be an IP address");
        yield return Case("LinkBindOctetTooLarge", "rpi4", j => j["link"]!["tcp"]!["bind"] = "127.0.0.256", "link.tcp.bind", "must be an IP address");
        yield return Case("LinkBindEmpty", "rpi4", j => j["link"]!["tcp"]!["bind"] = "", "link.tcp.bind", "must not be empty");
        yield return Case("LinkBaudNonStandard", "rpi4", j => j["link"]!["serial"]!["baudRate"] = 100000, "link.serial.baudRate", "one of 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600");
        yield return Case("LinkBaudFractional", "rpi4", j => j["link"]!["serial"]!["baudRate"] = 9600.5, "link.serial.baudRate", "whole number");
        yield return Case("LinkSerialWithoutDevice", "rpi4", j => j["link"]!["serial"]!.AsObject().Remove("device"), "link.serial.device", "required");
        yield return Case("LinkSerialDeviceNotDevOnLinux", "rpi4", j => j["link"]!["serial"]!["device"] = "serial0", "link.serial.device", "/dev/");
        yield return Case("LinkKeyFileRelativeOnLinux", "rpi4", j => j["link"]!["keyFile"] = "link.keys", "link.keyFile", "absolute");
        yield return Case("LinkKeyFileRelativeOnMeadow", "meadow-f7v2", j => j["link"]!["keyFile"] = "link.keys", "link.keyFile", "absolute");
        yield return Case("LinkKeyFileEmpty", "sim", j => j["link"] = new JsonObject { ["keyFile"] = " " }, "link.keyFile", "must not be empty");
    }

    [TestCaseSource(nameof(MalformedCases))]
    public void Parse_Malformed(string board, Action<JsonObject> mutate, string field, string reasonPart)
    {
        var json = RepoBoards.Json(board);
        mutate(json);
        var file = Path.Combine("boards", board + ".json");

        var ex = Assert.Throws<BoardDefinitionException>(() => BoardDefinitionLoader.Parse(json.ToJsonString(), file))!;

        Assert.That(ex.Errors, Has.Count.EqualTo(1), ex.Message);
        var error = ex.Errors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.File, Is.EqualTo(file));
            Assert.That(error.Field, Is.EqualTo(field));
            Assert.That(error.Reason, Does.Contain(reasonPart));
            Assert.That(ex.Message, Does.Contain($"{file}: {field}: "));
        }
    }

    [Test]
    public void Parse_DuplicateField_ReportsIt()
    {
        var text = File.ReadAllText(RepoBoards.PathOf("rpi4"))
            .Replace("\"cores\": 4,", "\"cores\": 4, \"cores\": 8,", StringComparison.Ordinal);

        var ex = Assert.Throws<BoardDefinitionException>(() => BoardDefinitionLoader.Parse(text, "rpi4.json"))!;

        Assert.That(ex.Errors.Select(e => (e.Field, e.Reason)), Does.Contain(("cpu.cores", "appears more than once")));
    }

    [Test]
    public void Parse_SyntaxError_ReportsFileLineAndByte()
    {
        const string text = "{\n  \"name\": \"rpi4\",\n  \"backend\": \"linux\"\n  \"cpu\": {}\n}\n";

        var ex = Assert.Throws<BoardDefinitionException>(() => BoardDefinitionLoader.Parse(text, "boards/rpi4.json"))!;

        Assert.That(ex.Errors, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Errors[0].File, Is.EqualTo("boards/rpi4.json"));
            Assert.That(ex.Errors[0].Reason, Does.StartWith("invalid JSON at line 4, byte 3:"));
            Assert.That(ex.Message, Does.Contain("boards/rpi4.json"));
        }
    }

    [Test]
    public void Parse_EmptyText_ReportsSyntaxError()
    {
        var ex = Assert.Throws<BoardDefinitionException>(() => BoardDefinitionLoader.Parse("  ", "rpi4.json"))!;

        Assert.That(ex.Errors[0].Reason, Does.StartWith("invalid JSON at line 1"));
    }

    [Test]
    public void Parse_RootNotObject_ReportsDocument()
    {
        var ex = Assert.Throws<BoardDefinitionException>(() => BoardDefinitionLoader.Parse("[1, 2]", "rpi4.json"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Errors, Has.Count.EqualTo(1));
            Assert.That(ex.Errors[0].Field, Is.EqualTo("(document)"));
            Assert.That(ex.Errors[0].Reason, Does.Contain("must be an object"));
        }
    }

    [Test]
    public void Parse_SeveralErrors_ReportsEveryOneOnItsOwnLine()
    {
        var json = RepoBoards.Json("rpi4");
        json["cpu"]!["cores"] = 0;
        json["gpio"]!["statusLedPin"] = 99;
        json["i2c"]!["powerMonitor"]!["address"] = "0x7f";
        json["watchdog"]!["devcie"] = "/dev/watchdog1";
        json.Remove("storage");

        var ex = Assert.Throws<BoardDefinitionException>(() => BoardDefinitionLoader.Parse(json.ToJsonString(), "rpi4.json"))!;

        string[] expected = ["cpu.cores", "gpio.statusLedPin", "i2c.powerMonitor.address", "watchdog.devcie", "storage"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Errors.Select(e => e.Field), Is.EquivalentTo(expected));
            var lines = ex.Message.Split('\n');
            Assert.That(lines, Has.Length.EqualTo(expected.Length + 1));
            foreach (var error in ex.Errors)
            {
                Assert.That(lines, Does.Contain(error.ToString()));
            }
        }
    }

    [Test]
    public void BoardDefinitionError_ToString_IsFileFieldReason()
    {
        var error = new BoardDefinitionError("boards/rpi4.json", "cpu.cores", "must be from 1 to 256; found 0");

        Assert.That(error.ToString(), Is.EqualTo("boards/rpi4.json: cpu.cores: must be from 1 to 256; found 0"));
    }

    [Test]
    public void Schema_PropertiesAndRequired_MatchLoaderLayout()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoBoards.Directory, "board.schema.json")));
        var objects = new Dictionary<string, JsonElement>();
        CollectObjects(schema.RootElement, schema.RootElement, string.Empty, objects);

        Assert.That(objects.Keys, Is.EquivalentTo(BoardFileLayout.All.Select(o => o.Path)));
        using (Assert.EnterMultipleScope())
        {
            foreach (var shape in BoardFileLayout.All)
            {
                var element = objects[shape.Path];
                var properties = element.GetProperty("properties").EnumerateObject().Select(p => p.Name);
                var required = element.GetProperty("required").EnumerateArray().Select(r => r.GetString());
                Assert.That(properties, Is.EquivalentTo(shape.Properties), $"properties of '{shape.Path}'");
                Assert.That(required, Is.EquivalentTo(shape.Required), $"required of '{shape.Path}'");
                Assert.That(element.GetProperty("additionalProperties").GetBoolean(), Is.False, $"additionalProperties of '{shape.Path}'");
            }
        }
    }

    [Test]
    public void Schema_Enums_MatchLoader()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoBoards.Directory, "board.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        var i2c = properties.GetProperty("i2c").GetProperty("properties");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enum(properties.GetProperty("backend")), Is.EqualTo(BoardFileLayout.Backends));
            Assert.That(Enum(i2c.GetProperty("powerMonitor").GetProperty("properties").GetProperty("chip")), Is.EqualTo(BoardFileLayout.SupportedPowerMonitors));
            Assert.That(Enum(i2c.GetProperty("temperatureSensor").GetProperty("properties").GetProperty("chip")), Is.EqualTo(BoardFileLayout.SupportedTemperatureSensors));
            Assert.That(
                properties.GetProperty("link").GetProperty("properties").GetProperty("serial").GetProperty("properties").GetProperty("baudRate")
                    .GetProperty("enum").EnumerateArray().Select(v => v.GetInt32()),
                Is.EqualTo(LinkSettings.StandardBaudRates));
        }

        static string?[] Enum(JsonElement e) => e.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToArray();
    }

    private static void CollectObjects(JsonElement root, JsonElement schema, string path, Dictionary<string, JsonElement> objects)
    {
        schema = Resolve(root, schema);
        if (!schema.TryGetProperty("type", out var type) || type.GetString() != "object")
        {
            return;
        }

        objects.Add(path, schema);
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
            CollectObjects(root, property.Value, childPath, objects);
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var target = root;
        foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
        {
            target = target.GetProperty(part);
        }

        return target;
    }
}
