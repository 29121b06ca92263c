using FlightSw.Hal.Boards;
using FlightSw.Node.Cli;
using FlightSw.Node.Payload;
using FlightSw.Node.Tests.Payload;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Node.Tests.Cli;

/// <summary>The node's command line end to end, through its real entry point.</summary>
[NonParallelizable]
public sealed class ProgramTests
{
    private TextWriter _originalError = null!;
    private TextWriter _originalOut = null!;
    private StringWriter _error = null!;
    private StringWriter _out = null!;

    [SetUp]
    public void CaptureConsole()
    {
        _originalError = Console.Error;
        _originalOut = Console.Out;
        _error = new StringWriter();
        _out = new StringWriter();
        Console.SetError(_error);
        Console.SetOut(_out);
    }

    [TearDown]
    public void RestoreConsole()
    {
        Console.SetError(_originalError);
        Console.SetOut(_originalOut);
        _error.Dispose();
        _out.Dispose();
        Environment.SetEnvironmentVariable(BoardCatalog.DirectoryEnvironmentVariable, null);
        Environment.SetEnvironmentVariable(ScenarioCatalog.DirectoryEnvironmentVariable, null);
        Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, null);
    }

    [Test]
    public void Main_UnknownBoard_ListsTheAvailableBoardsAndExits2()
    {
        int code = Program.Main(["--board", "nosuch", "--duration", "10s"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(_error.ToString(), Does.Contain("nosuch"));
            foreach (string board in new[] { "sim", "rpi4", "rpi5", "rpi-zero2w", "jetson-orin-nano", "beaglebone-black", "meadow-f7v2" })
            {
                Assert.That(_error.ToString(), Does.Contain(board));
            }
        });
    }

    [Test]
    public void Main_MalformedBoardFile_NamesTheFileAndTheFieldAndExits2()
    {
        string directory = Directory.CreateTempSubdirectory("flightsw-boards-").FullName;
        string json = File.ReadAllText(Path.Combine(BoardCatalog.Locate().Directory, "sim.json"))
            .Replace("\"name\": \"sim\"", "\"name\": \"broken\"", StringComparison.Ordinal)
            .Replace("\"timeoutSeconds\": 5", "\"timeoutSeconds\": 0", StringComparison.Ordinal);
        Assume.That(json, Does.Contain("\"broken\"").And.Contain("\"timeoutSeconds\": 0"));
        string file = Path.Combine(directory, "broken.json");
        File.WriteAllText(file, json);
        Environment.SetEnvironmentVariable(BoardCatalog.DirectoryEnvironmentVariable, directory);

        int code = Program.Main(["--board", "broken", "--duration", "10s"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(_error.ToString(), Does.Contain(file));
            Assert.That(_error.ToString(), Does.Contain("watchdog.timeoutSeconds"));
        });
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void Main_LinuxBoardOnAMachineWithoutItsDevices_NamesEachMissingDeviceAndTheBoardFileAndExits4()
    {
        int code = Program.Main(["--board", "rpi4"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.HardwareMissing));
            Assert.That(_error.ToString(), Does.Contain("embedded Linux backend"));
            Assert.That(_error.ToString(), Does.Contain("rpi4.json"));
            Assert.That(_error.ToString(), Does.Contain("/dev/watchdog").And.Contain("/dev/i2c-1").And.Contain("/dev/gpiochip0"));
            Assert.That(_error.ToString(), Does.Contain("--board sim"));
        });
    }

    [Test]
    public void Main_MeadowBoard_SaysTheMeadowSdkIsNeededAndExits3()
    {
        int code = Program.Main(["--board", "meadow-f7v2"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BackendUnavailable));
            Assert.That(_error.ToString(), Does.Contain("Meadow SDK"));
        });
    }

    [Test]
    public void Main_BadDuration_ExplainsAndExits2()
    {
        int code = Program.Main(["--duration", "forever"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(_error.ToString(), Does.Contain("--duration").And.Contain("forever"));
        });
    }

    [Test]
    public void Main_SelfTest_PrintsEveryKernelAndExits0WithoutRunningTheBoard()
    {
        int code = Program.Main(["--self-test", "--seed", "2"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), _out.ToString() + _error);
            Assert.That(_out.ToString(), Does.Match(@"(?m)^scalar\s+supported\s+PASS"));
            Assert.That(_out.ToString(), Does.Contain("gfni-avx512").And.Contain("avx2").And.Contain("advsimd"));
            Assert.That(_out.ToString(), Does.Not.Contain("FlightSw node summary"));
            Assert.That(_error.ToString(), Does.Contain("seed 2"));
        });
    }

    [Test]
    public void Main_SimBoardOneOrbit_PrintsTheSummaryAndExits0()
    {
        int code = Program.Main(["--duration", "1orbit", "--seed", "3"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), _error.ToString());
            Assert.That(_out.ToString(), Does.Contain("FlightSw node summary").And.Contain("NOMINAL"));
            Assert.That(_error.ToString(), Does.Contain("real time"));
        });
    }

    [Test]
    public void Main_UnknownScenario_ListsTheScenariosAndExits2()
    {
        int code = Program.Main(["--scenario", "nosuch"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(_error.ToString(), Does.Contain("--scenario").And.Contain("nosuch"));
            foreach (string scenario in new[] { "nominal-500km", "saa-heavy", "solar-storm", "undersized-battery" })
            {
                Assert.That(_error.ToString(), Does.Contain(scenario));
            }
        });
    }

    [Test]
    public void Main_MalformedScenarioFile_NamesTheFileFieldAndReasonAndExits2()
    {
        string directory = Directory.CreateTempSubdirectory("flightsw-scenarios-").FullName;
        string file = Path.Combine(directory, "broken.json");
        File.WriteAllText(file, """{ "battery": { "capacityWattHours": -2 }, "events": [ { "at": "soon", "kind": "latch-up" } ] }""");
        Environment.SetEnvironmentVariable(ScenarioCatalog.DirectoryEnvironmentVariable, directory);

        int code = Program.Main(["--scenario", "broken"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(_error.ToString(), Does.Contain(file));
            Assert.That(_error.ToString(), Does.Contain("battery.capacityWattHours").And.Contain("events[0].at"));
            Assert.That(_out.ToString(), Does.Not.Contain("FlightSw node summary"), "nothing flew");
        });
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void Main_ScenarioTwiceWithOneSeed_PrintsTheSameSummaryWithTheEnvironment()
    {
        string Run()
        {
            _out.GetStringBuilder().Clear();
            int code = Program.Main(["--scenario", "solar-storm", "--duration", "2orbits", "--seed", "4"]);
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), _error.ToString());
            return _out.ToString();
        }

        string first = Run();
        string second = Run();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Does.Contain("solar-storm").And.Contain("SAA passes").And.Contain("brownouts").And.Contain("undamaged"));
            Assert.That(first, Does.Contain("1 struck, 1 cleared in time"), "the scripted latch-up at t=5000 s is power-cycled");
        });
    }

    [TestCase("protection", "\"Quadruple\"", "$.protection")]
    [TestCase("periodSeconds", "-5", "$.periodSeconds")]
    [TestCase("checksum", "\"sha256:0000000000000000000000000000000000000000000000000000000000000000\"", "$.checksum")]
    [TestCase("samples", "\"nosuch.bin\"", "$.samples")]
    public void Main_BadInferenceManifestOrModel_NamesTheFileAndTheFieldAndExits2WithoutFlying(string field, string json, string named)
    {
        using var images = new ImagesFolder();
        images.SetInferenceFieldRaw(field, json);
        Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, images.Folder);

        int code = Program.Main(["--duration", "10s"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), _error.ToString());
            Assert.That(_error.ToString(), Does.Contain($"{images.InferenceManifestPath}: {named}: "));
            Assert.That(_out.ToString(), Does.Not.Contain("FlightSw node summary"), "nothing flew");
        });
    }

    [Test]
    public void Main_ModelFileTamperedWith_RefusedNeverLoadedAndExits2()
    {
        using var images = new ImagesFolder();
        byte[] model = File.ReadAllBytes(images.FileNamed("classifier.onnx"));
        model[^1] ^= 0x80;
        File.WriteAllBytes(images.FileNamed("classifier.onnx"), model);
        Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, images.Folder);

        int code = Program.Main(["--duration", "10s"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), _error.ToString());
            Assert.That(_error.ToString(), Does.Contain("$.checksum").And.Contain("refused, not loaded"));
        });
    }

    [Test]
    public void Main_NoInferenceManifest_FliesWithoutAnInferenceJob()
    {
        using var images = new ImagesFolder();
        File.Delete(images.InferenceManifestPath);
        Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, images.Folder);

        int code = Program.Main(["--duration", "15m"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), _error.ToString());
            Assert.That(_out.ToString(), Does.Match(@"Inferences\s+│ no inference job "));
        });
    }
}
