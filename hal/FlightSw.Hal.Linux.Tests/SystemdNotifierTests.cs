namespace FlightSw.Hal.Linux.Tests;

public class SystemdNotifierTests
{
    private const int OwnPid = 4242;

    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void FromEnvironment_NoNotifySocket_DisabledAndEverySendIsANoOp()
    {
        using var notifier = SystemdNotifier.FromEnvironment(_ => null, OwnPid);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notifier.IsEnabled, Is.False);
            Assert.That(notifier.Ready("up"), Is.False);
            Assert.That(notifier.Watchdog(), Is.False);
            Assert.That(notifier.Stopping(), Is.False);
            Assert.That(notifier.WatchdogInterval, Is.Null);
        }
    }

    [TestCase("")]
    [TestCase("relative/path")]
    [TestCase("vsock:2:1234")]
    public void Constructor_AddressNotAPathOrAbstractName_Disabled(string address)
    {
        using var notifier = new SystemdNotifier(address);

        Assert.That(notifier.IsEnabled, Is.False);
    }

    [Test]
    public void Ready_PathSocket_SendsReadyAndStatusInOneDatagram()
    {
        using var systemd = new NotifyListener(_temp["notify.sock"]);
        using var notifier = SystemdNotifier.FromEnvironment(Variables(systemd.Address), OwnPid);

        bool sent = notifier.Ready("flying on rpi4");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent, Is.True);
            Assert.That(systemd.Receive(), Is.EqualTo("READY=1\nSTATUS=flying on rpi4"));
        }
    }

    [Test]
    public void WatchdogStatusStopping_PathSocket_SendEachItsOwnDatagramInOrder()
    {
        using var systemd = new NotifyListener(_temp["notify.sock"]);
        using var notifier = new SystemdNotifier(systemd.Address);

        notifier.Watchdog();
        notifier.Status("two\nlines");
        notifier.Stopping();

        Assert.That(new[] { systemd.Receive(), systemd.Receive(), systemd.Receive() }, Is.EqualTo(new[] { "WATCHDOG=1", "STATUS=two lines", "STOPPING=1" }));
    }

    [Test]
    public void Watchdog_AbstractNamespaceSocket_Delivered()
    {
        string address = "@flightsw-test-" + Guid.NewGuid().ToString("N");
        using var systemd = new NotifyListener(address);
        using var notifier = new SystemdNotifier(address);

        Assert.That(notifier.Watchdog(), Is.True);
        Assert.That(systemd.Receive(), Is.EqualTo("WATCHDOG=1"));
    }

    [Test]
    public void Notify_NobodyListening_ReturnsFalseWithoutThrowing()
    {
        using var notifier = new SystemdNotifier(_temp["gone.sock"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notifier.IsEnabled, Is.True);
            Assert.That(notifier.Watchdog(), Is.False);
        }
    }

    [Test]
    public void WatchdogInterval_WatchdogUsecWithoutPid_IsThatInterval()
    {
        using var notifier = SystemdNotifier.FromEnvironment(Variables("/run/systemd/notify", usec: "10000000"), OwnPid);

        Assert.That(notifier.WatchdogInterval, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void WatchdogInterval_WatchdogPidIsOurs_IsThatInterval()
    {
        using var notifier = SystemdNotifier.FromEnvironment(Variables("/run/systemd/notify", usec: "2500000", pid: OwnPid.ToString(System.Globalization.CultureInfo.InvariantCulture)), OwnPid);

        Assert.That(notifier.WatchdogInterval, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
    }

    [TestCase("1")]
    [TestCase("not-a-pid")]
    public void WatchdogInterval_WatchdogPidNotOurs_Null(string pid)
    {
        using var notifier = SystemdNotifier.FromEnvironment(Variables("/run/systemd/notify", usec: "10000000", pid: pid), OwnPid);

        Assert.That(notifier.WatchdogInterval, Is.Null);
    }

    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("ten")]
    public void WatchdogInterval_WatchdogUsecInvalid_Null(string usec)
    {
        using var notifier = SystemdNotifier.FromEnvironment(Variables("/run/systemd/notify", usec: usec), OwnPid);

        Assert.That(notifier.WatchdogInterval, Is.Null);
    }

    private static Func<string, string?> Variables(string socket, string? usec = null, string? pid = null) => name => name switch
    {
        SystemdNotifier.SocketVariable => socket,
        SystemdNotifier.WatchdogMicrosecondsVariable => usec,
        SystemdNotifier.WatchdogProcessVariable => pid,
        _ => null,
    };
}
