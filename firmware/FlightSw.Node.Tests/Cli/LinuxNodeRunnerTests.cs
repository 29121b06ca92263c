using System.Device.Gpio;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Linux;
using FlightSw.Node.Cli;
using Spectre.Console;

namespace FlightSw.Node.Tests.Cli;

/// <summary>The node on a Linux board: on this machine (no GPIO, I2C or watchdog devices), and on fake devices in a temporary directory.</summary>
public sealed class LinuxNodeRunnerTests
{
    private static readonly string[] Rpi4Devices = ["/dev/gpiochip0", "/dev/i2c-1", "/dev/watchdog"];

    [Test]
    public void Run_Rpi4OnAMachineWithoutItsDevices_NamesEachMissingDeviceAndTheBoardFileAndExits4()
    {
        Assume.That(Rpi4Devices.Where(File.Exists), Is.Empty, "this machine has some of the Raspberry Pi's devices");
        var error = new StringWriter(CultureInfo.InvariantCulture);

        int code = NodeRunner.Run(new NodeOptions("rpi4", TimeSpan.FromSeconds(10), "10s", Seed: 1, Realtime: false), SilentConsole(), error, CancellationToken.None);

        string message = error.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.HardwareMissing));
            Assert.That(code, Is.Not.Zero);
            Assert.That(message, Does.Contain("board 'rpi4'").And.Contain(Path.Combine("boards", "rpi4.json")));
            foreach (string device in Rpi4Devices)
            {
                Assert.That(message, Does.Contain(device + " is missing"));
            }

            Assert.That(message, Does.Contain("dtparam=i2c_arm=on").And.Contain("dtparam=watchdog=on").And.Contain("group gpio"));
            Assert.That(message, Does.Contain("--board sim"));
        }
    }

    [Test]
    public void Run_FakeDevicesAndStopAtOnce_ReadyThenOrderlyStopMagicClosesTheWatchdogAndExits130()
    {
        using var temp = new FakeSystem();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        int code = LinuxNodeRunner.Run(ShippedRpi4(), temp.Options, new SystemLinuxHost("false"), TextWriter.Null, cancelled.Token);

        var store = new DirectoryPersistentStore(temp.Store);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Interrupted));
            Assert.That(temp.Notifications(), Has.Some.StartWith("READY=1\nSTATUS=Flying on rpi4, reset cause PowerOn"));
            Assert.That(temp.Notifications()[^1], Is.EqualTo("STOPPING=1"));
            Assert.That(File.ReadAllBytes(temp.Watchdog)[^1], Is.EqualTo((byte)'V'), "magic close last");
            Assert.That(store.Keys, Does.Contain(LinuxResetController.BootIdRecord).And.Not.Contain(LinuxResetController.RunningRecord));
        }
    }

    [Test]
    public void Run_AgainInTheSameKernelBootAfterAnOrderlyStop_ReportsResetCauseUnknown()
    {
        using var temp = new FakeSystem();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        LinuxNodeRunner.Run(ShippedRpi4(), temp.Options, new SystemLinuxHost("false"), TextWriter.Null, cancelled.Token);

        LinuxNodeRunner.Run(ShippedRpi4(), temp.Options, new SystemLinuxHost("false"), TextWriter.Null, cancelled.Token);

        Assert.That(temp.Notifications(), Has.Some.StartWith("READY=1\nSTATUS=Flying on rpi4, reset cause Unknown"));
    }

    private static BoardDefinition ShippedRpi4() => BoardCatalog.Locate().Load("rpi4");

    private static IAnsiConsole SilentConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(TextWriter.Null),
    });

    /// <summary>A temporary directory standing in for /dev, /proc, the store and systemd's notification socket.</summary>
    private sealed class FakeSystem : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("flightsw-node-linux-").FullName;
        private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        private readonly List<string> _received = [];

        public FakeSystem()
        {
            Directory.CreateDirectory(Path.Combine(_root, "dev"));
            foreach (string device in new[] { "gpiochip0", "i2c-1", "watchdog" })
            {
                File.WriteAllText(Path.Combine(_root, "dev", device), "");
            }

            string bootId = Path.Combine(_root, "proc", LinuxResetController.BootIdRelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(bootId)!);
            File.WriteAllText(bootId, "boot-1\n");

            string socket = Path.Combine(_root, "notify.sock");
            _systemd.Bind(new UnixDomainSocketEndPoint(socket));
            Options = new LinuxBoardOptions
            {
                DeviceRoot = Path.Combine(_root, "dev"),
                ProcRoot = Path.Combine(_root, "proc"),
                StorageDirectory = Store,
                EnvironmentVariables = name => name == SystemdNotifier.SocketVariable ? socket : null,
                OpenGpioDriver = _ => new NoGpioDriver(),
            };
        }

        public LinuxBoardOptions Options { get; }

        public string Store => Path.Combine(_root, "store");

        public string Watchdog => Path.Combine(_root, "dev", "watchdog");

        /// <summary>Every notification received so far (they are queued when sent).</summary>
        public IReadOnlyList<string> Notifications()
        {
            var buffer = new byte[4096];
            while (_systemd.Available > 0)
            {
                _received.Add(Encoding.UTF8.GetString(buffer, 0, _systemd.Receive(buffer)));
            }

            return _received;
        }

        public void Dispose()
        {
            _systemd.Dispose();
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>GPIO lines that remember their mode and value, and nothing else.</summary>
    private sealed class NoGpioDriver : GpioDriver
    {
        private readonly Dictionary<int, (PinMode Mode, PinValue Value)> _lines = [];

        protected override int PinCount => 58;

        protected override void OpenPin(int pinNumber) => _lines[pinNumber] = (PinMode.Input, PinValue.Low);

        protected override void ClosePin(int pinNumber) => _lines.Remove(pinNumber);

        protected override void SetPinMode(int pinNumber, PinMode mode) => _lines[pinNumber] = (mode, _lines[pinNumber].Value);

        protected override PinMode GetPinMode(int pinNumber) => _lines[pinNumber].Mode;

        protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

        protected override PinValue Read(int pinNumber) => _lines[pinNumber].Value;

        protected override void Write(int pinNumber, PinValue value) => _lines[pinNumber] = (_lines[pinNumber].Mode, value);

        protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) => throw new NotSupportedException();

        protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) => throw new NotSupportedException();

        protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) => throw new NotSupportedException();

        public override GpioChipInfo GetChipInfo() => new(0, "none", "none", 58);
    }
}
