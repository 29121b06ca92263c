using System.Text;

namespace FlightSw.Hal.Linux.Tests;

/// <summary>Why a run started, from a fake /proc boot id, a fake watchdog boot status and the records of earlier runs.</summary>
public class LinuxResetControllerTests
{
    private TempDirectory _temp = null!;
    private DirectoryPersistentStore _store = null!;
    private RecordingHost _host = null!;
    private string _bootIdFile = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _store = new DirectoryPersistentStore(_temp["store"]);
        _host = new RecordingHost();
        _bootIdFile = _temp.CreateFile("proc/" + LinuxResetController.BootIdRelativePath, "boot-1\n");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Constructor_FirstRunEver_PowerOnAndRecordsThisRun()
    {
        var controller = Open();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(controller.LastResetCause, Is.EqualTo(ResetCause.PowerOn));
            Assert.That(controller.BootId, Is.EqualTo("boot-1"));
            Assert.That(Text(LinuxResetController.BootIdRecord), Is.EqualTo("boot-1"));
            Assert.That(_store.Keys, Does.Contain(LinuxResetController.RunningRecord));
            Assert.That(_store.Keys, Has.All.StartWith("hal."));
        }
    }

    [Test]
    public void Constructor_NewKernelBootWithCardReset_Watchdog()
    {
        Open();
        NewKernelBoot();

        Assert.That(Open(WatchdogStatusFlags.CardReset).LastResetCause, Is.EqualTo(ResetCause.Watchdog));
    }

    [Test]
    public void Constructor_NewKernelBootWithCardResetAndPowerCyclePending_WatchdogFirst()
    {
        Open().RequestPowerCycle("latch-up");
        NewKernelBoot();

        Assert.That(Open(WatchdogStatusFlags.CardReset | WatchdogStatusFlags.PowerUnder).LastResetCause, Is.EqualTo(ResetCause.Watchdog));
    }

    [Test]
    public void Constructor_NewKernelBootAfterAPowerCycleRequest_CommandedPowerCycleAndRequestCleared()
    {
        Open().RequestPowerCycle("NODE_POWER_CYCLE from ground");
        NewKernelBoot();

        var controller = Open(WatchdogStatusFlags.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(controller.LastResetCause, Is.EqualTo(ResetCause.CommandedPowerCycle));
            Assert.That(controller.PreviousRequest, Is.EqualTo(new LinuxResetRequest(ResetCause.CommandedPowerCycle, "NODE_POWER_CYCLE from ground")));
            Assert.That(_store.Keys, Does.Not.Contain(LinuxResetController.RequestRecord));
        }
    }

    [Test]
    public void Constructor_NewKernelBootWithoutEvidence_PowerOn()
    {
        Open();
        NewKernelBoot();

        Assert.That(Open(WatchdogStatusFlags.None).LastResetCause, Is.EqualTo(ResetCause.PowerOn));
    }

    [Test]
    public void Constructor_SameKernelBootAfterAWarmResetRequest_CommandedWarmReset()
    {
        Open().RequestWarmReset("scrubber: uncorrectable");

        var controller = Open();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(controller.LastResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
            Assert.That(controller.PreviousRequest?.Reason, Is.EqualTo("scrubber: uncorrectable"));
        }
    }

    [Test]
    public void Constructor_SameKernelBootAfterAPowerCycleThatNeverRebooted_CommandedWarmReset()
    {
        Open().RequestPowerCycle("latch-up");

        Assert.That(Open().LastResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
    }

    [Test]
    public void Constructor_SameKernelBootAfterAnOrderlyStop_Unknown()
    {
        Open().RecordOrderlyStop();

        Assert.That(Open().LastResetCause, Is.EqualTo(ResetCause.Unknown));
    }

    [Test]
    public void Constructor_SameKernelBootWithoutAnOrderlyStop_Crash()
    {
        Open();

        Assert.That(Open().LastResetCause, Is.EqualTo(ResetCause.Crash));
    }

    [Test]
    public void Constructor_SameKernelBootWithTheStickyCardResetBit_CrashNotWatchdog()
    {
        // The bit describes the kernel's boot, which the previous run already accounted for.
        Open(WatchdogStatusFlags.CardReset);

        Assert.That(Open(WatchdogStatusFlags.CardReset).LastResetCause, Is.EqualTo(ResetCause.Crash));
    }

    [Test]
    public void Constructor_BootIdUnreadable_WatchdogFromTheBitElseUnknown()
    {
        File.Delete(_bootIdFile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Open(WatchdogStatusFlags.CardReset).LastResetCause, Is.EqualTo(ResetCause.Watchdog));
            Assert.That(Open(null).LastResetCause, Is.EqualTo(ResetCause.Unknown));
            Assert.That(Open(null).BootId, Is.Null);
        }
    }

    [Test]
    public void Constructor_StoreReadOnly_StillOpensAndSaysWhy()
    {
        var controller = new LinuxResetController(new ReadOnlyStore(), _bootIdFile, watchdogBootStatus: null, _host);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(controller.LastResetCause, Is.EqualTo(ResetCause.PowerOn));
            Assert.That(controller.StoreProblem, Is.EqualTo("Read-only file system"));
        }
    }

    [Test]
    public void RequestPowerCycle_StoreReadOnly_StillReboots()
    {
        var controller = new LinuxResetController(new ReadOnlyStore(), _bootIdFile, watchdogBootStatus: null, _host);

        controller.RequestPowerCycle("latch-up 1");

        Assert.That(_host.Calls, Is.EqualTo(new[] { "reboot: latch-up 1" }), "the reset matters more than the record of why");
    }

    [Test]
    public void RequestWarmReset_Always_RecordsTheRequestBeforeTheHostRestartsTheProcess()
    {
        var controller = Open();
        string? recordedWhenCalled = null;
        _host.OnCall = () => recordedWhenCalled = Text(LinuxResetController.RequestRecord);

        controller.RequestWarmReset("health: escalated");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recordedWhenCalled, Is.EqualTo("warm-reset\nhealth: escalated"));
            Assert.That(_host.Calls, Is.EqualTo(new[] { "restart: health: escalated" }));
            Assert.That(_store.Keys, Does.Contain(LinuxResetController.RunningRecord), "no orderly stop");
        }
    }

    [Test]
    public void RequestPowerCycle_Always_RecordsTheRequestBeforeTheHostReboots()
    {
        var controller = Open();
        string? recordedWhenCalled = null;
        _host.OnCall = () => recordedWhenCalled = Text(LinuxResetController.RequestRecord);

        controller.RequestPowerCycle("latch-up");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recordedWhenCalled, Is.EqualTo("power-cycle\nlatch-up"));
            Assert.That(_host.Calls, Is.EqualTo(new[] { "reboot: latch-up" }));
        }
    }

    [Test]
    public void RequestWarmReset_PowerCyclePending_NeitherRecordedNorCarriedOut()
    {
        var controller = Open();
        controller.RequestPowerCycle("latch-up");

        controller.RequestWarmReset("later and lesser");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_host.Calls, Is.EqualTo(new[] { "reboot: latch-up" }));
            Assert.That(Text(LinuxResetController.RequestRecord), Is.EqualTo("power-cycle\nlatch-up"));
        }
    }

    [Test]
    public void RequestPowerCycle_WarmResetPending_OutranksIt()
    {
        var controller = Open();
        controller.RequestWarmReset("first");

        controller.RequestPowerCycle("latch-up");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_host.Calls, Is.EqualTo(new[] { "restart: first", "reboot: latch-up" }));
            Assert.That(Text(LinuxResetController.RequestRecord), Is.EqualTo("power-cycle\nlatch-up"));
        }
    }

    [Test]
    public void RequestWarmReset_Twice_CarriedOutOnce()
    {
        var controller = Open();

        controller.RequestWarmReset("one");
        controller.RequestWarmReset("two");

        Assert.That(_host.Calls, Is.EqualTo(new[] { "restart: one" }));
    }

    [Test]
    public void RecordOrderlyStop_Always_DeletesTheRunningMarker()
    {
        var controller = Open();

        controller.RecordOrderlyStop();

        Assert.That(_store.Keys, Does.Not.Contain(LinuxResetController.RunningRecord));
    }

    private LinuxResetController Open(WatchdogStatusFlags? status = null) => new(_store, _bootIdFile, status, _host);

    private void NewKernelBoot() => File.WriteAllText(_bootIdFile, "boot-2\n");

    private string? Text(string key) => _store.TryRead(key, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
