using System.Device.Gpio;
using System.Runtime.Versioning;
using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Linux.Tests;

/// <summary>The Linux board on a fake /dev (regular files stand in for the devices), a fake /proc and a temporary store.</summary>
public class LinuxBoardTests
{
    private TempDirectory _temp = null!;
    private BoardDefinition _rpi4 = null!;
    private List<FakeGpioDriver> _gpioDrivers = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _rpi4 = ShippedBoards.Load("rpi4");
        _gpioDrivers = [];
        Directory.CreateDirectory(_temp["dev"]);
        _temp.CreateFile("proc/" + LinuxResetController.BootIdRelativePath, "boot-1\n");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Open_SimBoard_ThrowsArgumentException()
    {
        Assert.That(() => LinuxBoard.Open(ShippedBoards.Load("sim"), Options()), Throws.ArgumentException.With.Message.Contains("'sim'"));
    }

    [Test]
    public void Open_NoDevices_OneExceptionNamingBoardFileEveryDeviceAndWhatProvidesIt()
    {
        var ex = Assert.Throws<LinuxBoardException>(() => LinuxBoard.Open(_rpi4, Options()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.BoardName, Is.EqualTo("rpi4"));
            Assert.That(ex.Message, Does.Contain("'rpi4'").And.Contain(_rpi4.SourceFile).And.Contain("3 devices are missing"));
            Assert.That(ex.Problems.Select(p => p.Device), Is.EqualTo(new[] { _temp["dev/gpiochip0"], _temp["dev/i2c-1"], _temp["dev/watchdog"] }));
            Assert.That(ex.Message, Does.Contain(_temp["dev/gpiochip0"] + " is missing").And.Contain("GPIO17, header pin 11").And.Contain("group gpio"));
            Assert.That(ex.Message, Does.Contain(_temp["dev/i2c-1"] + " is missing").And.Contain("ina219 at 0x40").And.Contain("tmp102 at 0x48"));
            Assert.That(ex.Message, Does.Contain("dtparam=i2c_arm=on in /boot/firmware/config.txt").And.Contain("raspi-config").And.Contain("group i2c"));
            Assert.That(ex.Message, Does.Contain(_temp["dev/watchdog"] + " is missing").And.Contain("dtparam=watchdog=on").And.Contain("bcm2835_wdt"));
        }
    }

    [Test]
    public void Open_NoDevices_OpensAndWritesNothing()
    {
        Assert.Throws<LinuxBoardException>(() => LinuxBoard.Open(_rpi4, Options()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Directory.Exists(_temp["store"]), Is.False, "the store is created only once every device is there");
            Assert.That(_gpioDrivers, Is.Empty);
        }
    }

    [Test]
    public void Open_OnlyI2cMissing_NamesOnlyThatBus()
    {
        CreateDevices(i2c: false);

        var ex = Assert.Throws<LinuxBoardException>(() => LinuxBoard.Open(_rpi4, Options()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Problems.Select(p => p.Device), Is.EqualTo(new[] { _temp["dev/i2c-1"] }));
            Assert.That(ex.Message, Does.Contain("1 device is missing"));
        }
    }

    [Test]
    public void Open_TwoBusesListedOneMissing_ChecksEveryBus()
    {
        var board = _rpi4 with { I2c = _rpi4.I2c with { Buses = [1, 3] } };
        CreateDevices();

        var ex = Assert.Throws<LinuxBoardException>(() => LinuxBoard.Open(board, Options()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Problems.Select(p => p.Device), Is.EqualTo(new[] { _temp["dev/i2c-3"] }));
            Assert.That(ex.Problems[0].Role, Is.EqualTo("I2C bus 3"), "no chip of the board file is on it");
        }
    }

    [Test]
    public void Open_StorageUnderAFile_NamesTheStorageDirectory()
    {
        CreateDevices();
        _temp.CreateFile("blocker");

        var ex = Assert.Throws<LinuxBoardException>(() => LinuxBoard.Open(_rpi4, Options() with { StorageDirectory = _temp["blocker/store"] }))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Problems.Select(p => p.Device), Is.EqualTo(new[] { _temp["blocker/store"] }));
            Assert.That(ex.Message, Does.Contain("cannot be created").And.Contain("install -d"));
        }
    }

    [Test]
    [SupportedOSPlatform("linux")]
    public void Open_DeviceThisUserCannotOpen_SaysSoWithTheRemedy()
    {
        Assume.That(Environment.IsPrivilegedProcess, Is.False, "root may open any file");
        CreateDevices();
        File.SetUnixFileMode(_temp["dev/i2c-1"], UnixFileMode.None);

        var ex = Assert.Throws<LinuxBoardException>(() => LinuxBoard.Open(_rpi4, Options()))!;

        Assert.That(ex.Message, Does.Contain(_temp["dev/i2c-1"] + " exists but user").And.Contain("usermod -aG i2c"));
    }

    [Test]
    public void Open_AllDevicesPresent_BuildsTheBoardOfTheBoardFile()
    {
        CreateDevices();

        using var board = LinuxBoard.Open(_rpi4, Options());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.Definition, Is.SameAs(_rpi4));
            Assert.That(board.Time, Is.SameAs(TimeProvider.System));
            Assert.That(board.Memory.Targets, Is.Empty);
            Assert.That(board.Workload, Is.InstanceOf<JobCounter>());
            Assert.That(board.ResetController.LastResetCause, Is.EqualTo(ResetCause.PowerOn));
            Assert.That(board.PersistentStore.Keys, Is.EqualTo(new[] { LinuxResetController.BootIdRecord, LinuxResetController.RunningRecord }));
            Assert.That(Directory.Exists(_temp["store"]), Is.True);
            Assert.That(board.HardwareWatchdog.DevicePath, Is.EqualTo(_temp["dev/watchdog"]));
            Assert.That(board.Watchdog.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(board.Watchdog.IsRunning, Is.False, "the health monitor starts it");
            Assert.That(board.Notifier.IsEnabled, Is.False, "no NOTIFY_SOCKET");
        }
    }

    [Test]
    public void Gpio_OpenBoard_DrivesTheStatusLedLineOfTheBoardFile()
    {
        CreateDevices();
        using var board = LinuxBoard.Open(_rpi4, Options());

        board.Gpio.OpenPin(_rpi4.Gpio.StatusLedPin, PinMode.Output);
        board.Gpio.Write(_rpi4.Gpio.StatusLedPin, PinValue.High);

        Assert.That(board.Gpio.Read(_rpi4.Gpio.StatusLedPin), Is.EqualTo(PinValue.High));
    }

    [Test]
    public void Watchdog_StartPetStop_PetsTheDeviceTellsSystemdAndMagicClosesLast()
    {
        CreateDevices();
        using var systemd = new NotifyListener(_temp["notify.sock"]);
        using var board = LinuxBoard.Open(_rpi4, Options(notifySocket: systemd.Address));

        board.Watchdog.Start();
        board.Watchdog.Pet();
        board.Watchdog.Pet();
        var toSystemd = systemd.Drain();
        board.Watchdog.Stop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(toSystemd, Is.EqualTo(new[] { "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1" }), "start and two pets");
            Assert.That(File.ReadAllBytes(_temp["dev/watchdog"]), Does.Contain(LinuxWatchdog.KeepAliveByte));
            Assert.That(File.ReadAllBytes(_temp["dev/watchdog"])[^1], Is.EqualTo((byte)'V'));
        }
    }

    [Test]
    public void Open_SecondRunInTheSameKernelBootAfterACrash_ReportsCrash()
    {
        CreateDevices();
        LinuxBoard.Open(_rpi4, Options()).Dispose();

        using var board = LinuxBoard.Open(_rpi4, Options());

        Assert.That(board.ResetController.LastResetCause, Is.EqualTo(ResetCause.Crash));
    }

    [Test]
    public void Open_GpioDriverFails_ExceptionNamesTheChipAndNoRunIsRecorded()
    {
        CreateDevices();
        var options = Options() with { OpenGpioDriver = _ => throw new IOException("libgpiod: not installed") };

        var ex = Assert.Throws<LinuxBoardException>(() => LinuxBoard.Open(_rpi4, options))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Message, Does.Contain(_temp["dev/gpiochip0"]).And.Contain("libgpiod: not installed"));
            Assert.That(new DirectoryPersistentStore(_temp["store"]).Keys, Is.Empty);
        }
    }

    [Test]
    public void Dispose_WatchdogStarted_ClosesGpioAndLeavesTheWatchdogArmed()
    {
        CreateDevices();
        var board = LinuxBoard.Open(_rpi4, Options());
        board.Watchdog.Start();
        long before = new FileInfo(_temp["dev/watchdog"]).Length;

        board.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new FileInfo(_temp["dev/watchdog"]).Length, Is.EqualTo(before), "no magic close");
            Assert.That(_gpioDrivers.Single().Disposed, Is.True);
            Assert.That(() => board.CreateI2cDevice(new System.Device.I2c.I2cConnectionSettings(1, 0x40)), Throws.InstanceOf<ObjectDisposedException>());
        }
    }

    [Test]
    public void PowerMonitorAndTemperatureSensor_NoRealI2cBus_OpenLazilyAndReportNotAnswering()
    {
        Assume.That(File.Exists("/dev/i2c-1"), Is.False, "the drivers open the real /dev/i2c-1");
        CreateDevices();
        using var board = LinuxBoard.Open(_rpi4, Options());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.PowerMonitor.TryRead(out _), Is.False);
            Assert.That(board.TemperatureSensor.TryReadCelsius(out _), Is.False);
            Assert.That(() => board.CreateI2cDevice(new System.Device.I2c.I2cConnectionSettings(1, 0x40)), Throws.InstanceOf<IOException>().With.Message.Contains("/dev/i2c-1"));
        }
    }

    private void CreateDevices(bool gpio = true, bool i2c = true, bool watchdog = true)
    {
        if (gpio)
        {
            _temp.CreateFile("dev/gpiochip0");
        }

        if (i2c)
        {
            _temp.CreateFile("dev/i2c-1");
        }

        if (watchdog)
        {
            _temp.CreateFile("dev/watchdog");
        }
    }

    private LinuxBoardOptions Options(string? notifySocket = null) => new()
    {
        DeviceRoot = _temp["dev"],
        ProcRoot = _temp["proc"],
        StorageDirectory = _temp["store"],
        EnvironmentVariables = name => name == SystemdNotifier.SocketVariable ? notifySocket : null,
        Host = new RecordingHost(),
        OpenGpioDriver = chip =>
        {
            var driver = new FakeGpioDriver(_rpi4.Gpio.PinCount);
            _gpioDrivers.Add(driver);
            return driver;
        },
    };
}
