namespace FlightSw.Hal.Linux.Tests;

public class NotifyingWatchdogTests
{
    private TempDirectory _temp = null!;
    private NotifyListener _systemd = null!;
    private SystemdNotifier _notifier = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _systemd = new NotifyListener(_temp["notify.sock"]);
        _notifier = new SystemdNotifier(_systemd.Address);
    }

    [TearDown]
    public void TearDown()
    {
        _notifier.Dispose();
        _systemd.Dispose();
        _temp.Dispose();
    }

    [Test]
    public void Pet_HardwareTakesIt_PetsTheHardwareThenTellsSystemdWatchdog1()
    {
        var hardware = new FakeWatchdog();
        var watchdog = new NotifyingWatchdog(hardware, _notifier);
        watchdog.Start();
        _systemd.Receive();

        watchdog.Pet();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Pets, Is.EqualTo(1));
            Assert.That(_systemd.Receive(), Is.EqualTo("WATCHDOG=1"));
        }
    }

    [Test]
    public void Pet_HardwareRefuses_ThrowsAndTellsSystemdNothing()
    {
        var hardware = new FakeWatchdog();
        var watchdog = new NotifyingWatchdog(hardware, _notifier);
        watchdog.Start();
        _systemd.Receive();
        hardware.RefusePets = true;

        Assert.That(watchdog.Pet, Throws.InstanceOf<IOException>());
        Assert.That(_systemd.Drain(), Is.Empty);
    }

    [Test]
    public void StartStop_Forwarded_StartTellsSystemdStopDoesNot()
    {
        var hardware = new FakeWatchdog();
        var watchdog = new NotifyingWatchdog(hardware, _notifier);

        watchdog.Start();
        string started = _systemd.Receive();
        watchdog.Stop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(started, Is.EqualTo("WATCHDOG=1"));
            Assert.That((hardware.Starts, hardware.Stops), Is.EqualTo((1, 1)));
            Assert.That(watchdog.IsRunning, Is.False);
            Assert.That(watchdog.Timeout, Is.EqualTo(hardware.Timeout));
            Assert.That(_systemd.Drain(), Is.Empty);
        }
    }
}
