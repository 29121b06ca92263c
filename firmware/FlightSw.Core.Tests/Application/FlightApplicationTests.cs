using System.Text;
using FlightSw.Core.Application;
using FlightSw.Core.Boot;
using FlightSw.Core.Components;
using FlightSw.Core.Modes;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;
using FlightSw.Sim;

namespace FlightSw.Core.Tests.Application;

public class FlightApplicationTests
{
    private SimHardware _hardware = null!;
    private SimBoard _board = null!;

    [SetUp]
    public void PowerOnBareBoard() => _board = TestNode.BareBoard(out _hardware);

    [TearDown]
    public void PowerOff()
    {
        _board.Dispose();
        _hardware.Dispose();
    }

    [Test]
    public void Constructor_Board_AddsTheFrameworkComponentsInOrder()
    {
        var app = new FlightApplication(_board);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.Components.Select(c => c.Name), Is.EqualTo(new[] { "scheduler", "boot", "modes", "params", "commands" }));
            Assert.That(app.Board, Is.SameAs(_board));
            Assert.That(app.IsRunning, Is.False);
            Assert.That(app.Modes.Current, Is.EqualTo(FlightMode.Boot));
        }
    }

    [Test]
    public void Constructor_Board_MarksTheFrameworkComponentsEssential()
    {
        var app = new FlightApplication(_board);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.Components.Where(c => !c.IsEssential).Select(c => c.Name), Is.Empty);
            Assert.That(app.Health.IsEssential, Is.True);
        }
    }

    [Test]
    public void Constructor_NullBoard_ThrowsArgumentNull()
    {
        Assert.That(() => new FlightApplication(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Start_Components_AreAllRunningWithHealthLastAndTheNodeInNominal()
    {
        var app = new FlightApplication(_board);
        var probe = new TestComponent();
        app.Add(probe, RateGroupId.Rate1Hz);

        app.Start();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.IsRunning, Is.True);
            Assert.That(app.Components.Select(c => c.Name), Is.EqualTo(new[] { "scheduler", "boot", "modes", "params", "commands", "probe", "health" }));
            Assert.That(app.Components.Select(c => c.State), Has.All.EqualTo(ComponentState.Running));
            Assert.That(app.Scheduler.MembersOf(RateGroupId.Rate1Hz), Is.EqualTo(new Component[] { app.Boot, probe, app.Health }));
            Assert.That(app.Modes.Current, Is.EqualTo(FlightMode.Nominal));
            Assert.That(probe.Lifecycle, Is.EqualTo(new[] { "initialize", "start" }));
            Assert.That(app.Telemetry.Find("BOOT_COUNT"), Is.Not.Null);
        }
    }

    [Test]
    public void Start_Lifecycle_InitialisesEveryComponentBeforeStartingAnyAndRunsNoCycleBeforeTheNodeIsUp()
    {
        var app = new FlightApplication(_board);
        var first = new TestComponent("first", 0x2000);
        var second = new TestComponent("second", 0x2100);
        var seen = new List<string>();
        first.OnInitialized = () => seen.Add($"first initialised: second {second.State}, mode {app.Modes.Current}");
        first.OnStarted = () => seen.Add($"first started: second {second.State}, ticks {app.Scheduler.Ticks}");
        second.OnStarted = () => seen.Add($"second started: mode {app.Modes.Current}");
        first.OnEachCycle = _ => seen.Add($"first cycle: mode {app.Modes.Current}");
        app.Add(first, RateGroupId.Rate1Hz);
        app.Add(second);

        app.Start();
        _hardware.Clock.RunFor(TimeSpan.FromMilliseconds(100));

        Assert.That(seen, Is.EqualTo(new[]
        {
            "first initialised: second Created, mode Boot",
            "first started: second Initialized, ticks 0",
            "second started: mode Boot",
            "first cycle: mode Nominal",
        }));
    }

    [Test]
    public void Start_StoredParameter_IsLoadedBeforeAnyComponentInitialises()
    {
        new DurableRecordStore(_hardware.Store).Write("prm.TST_GAIN", Encoding.UTF8.GetBytes("7"));
        var app = new FlightApplication(_board);
        var probe = new TestComponent();
        var gain = probe.AddParameter(0, "TST_GAIN", 1, 0, 10);
        var seen = new List<string>();
        probe.OnInitialized = () => seen.Add($"initialised with gain {gain.Value}, boot {app.Boot.BootCount}");
        app.Add(probe);

        app.Start();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(new[] { "initialised with gain 7, boot 1" }), "parameters load first, then the boot manager initialises");
            Assert.That(app.Events.Snapshot().Select(e => e.Name).Take(2), Is.EqualTo(new[] { "PRM_LOADED", "BOOT" }));
        }
    }

    [Test]
    public void Start_StoredBootLoopParameters_DecideThisBoot()
    {
        // Two recent crashes, and a limit lowered to two: this boot is a SAFE boot.
        WriteHistory(ResetCause.Crash, ResetCause.Crash);
        new DurableRecordStore(_hardware.Store).Write("prm.BOOT_LOOP_RESETS", Encoding.UTF8.GetBytes("2"));
        var app = new FlightApplication(_board);

        app.Start();

        Assert.That(app.Boot.IsSafeBoot, Is.True);
    }

    [Test]
    public void Start_SafeBoot_StartsOnlyEssentialComponentsAndHoldsSafe()
    {
        WriteHistory(ResetCause.Watchdog, ResetCause.Watchdog, ResetCause.Watchdog);
        var app = new FlightApplication(_board);
        var payload = new TestComponent("payload", 0x2000);
        var beacon = new TestComponent("beacon", 0x2100) { Essential = true };
        app.Add(payload, RateGroupId.Rate10Hz);
        app.Add(beacon, RateGroupId.Rate10Hz);

        app.Start();
        _hardware.Clock.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.IsRunning, Is.True);
            Assert.That(app.Boot.IsSafeBoot, Is.True);
            Assert.That(payload.State, Is.EqualTo(ComponentState.Skipped));
            Assert.That(payload.Lifecycle, Is.Empty);
            Assert.That(payload.Cycles, Is.Empty);
            Assert.That(beacon.State, Is.EqualTo(ComponentState.Running));
            Assert.That(beacon.Lifecycle, Is.EqualTo(new[] { "initialize", "start" }));
            Assert.That(beacon.Cycles, Has.Count.EqualTo(10));
            Assert.That(app.Components.Where(c => c != payload).Select(c => c.State), Has.All.EqualTo(ComponentState.Running));
            Assert.That(app.Modes.Current, Is.EqualTo(FlightMode.Safe));
            Assert.That(app.Modes.SafeHold, Is.EqualTo(app.Boot.SafeBootReason));
            Assert.That(app.Events.Snapshot().Where(e => e.Name == "MODE_CHANGED").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Mode Boot -> Safe: boot-loop protection: 3 resets within 900 s (Watchdog, Watchdog, Watchdog)",
            }));
            Assert.That(_hardware.Watchdog.IsRunning, Is.True, "health runs in a SAFE boot");
        }
    }

    [Test]
    public void Stop_SafeBoot_StopsOnlyWhatStarted()
    {
        WriteHistory(ResetCause.Watchdog, ResetCause.Watchdog, ResetCause.Watchdog);
        var app = new FlightApplication(_board);
        var payload = new TestComponent("payload", 0x2000);
        app.Add(payload, RateGroupId.Rate10Hz);
        app.Start();

        app.Stop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.Lifecycle, Is.Empty);
            Assert.That(payload.State, Is.EqualTo(ComponentState.Skipped));
            Assert.That(app.Components.Where(c => c != payload).Select(c => c.State), Has.All.EqualTo(ComponentState.Stopped));
        }
    }

    [Test]
    public void Stop_DisabledComponent_IsStoppedLikeTheOthers()
    {
        var app = new FlightApplication(_board);
        var probe = new TestComponent();
        app.Add(probe, RateGroupId.Rate10Hz);
        app.Start();
        probe.Disable();

        app.Stop();

        Assert.That(probe.Lifecycle, Is.EqualTo(new[] { "initialize", "start", "stop" }), "it released its devices");
    }

    [Test]
    public void Start_ComponentCrashesAtStart_ThrowsBeforeTheExecutiveOrTheWatchdogStart()
    {
        var app = new FlightApplication(_board);
        var probe = new TestComponent();
        probe.InjectCrashAtStart();
        app.Add(probe, RateGroupId.Rate10Hz);

        Assert.That(app.Start, Throws.TypeOf<InjectedCrashException>());
        _hardware.Clock.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.IsRunning, Is.False);
            Assert.That(app.Scheduler.Ticks, Is.Zero);
            Assert.That(app.Health.State, Is.EqualTo(ComponentState.Initialized), "health starts last");
            Assert.That(_hardware.Watchdog.IsRunning, Is.False);
            Assert.That(app.Modes.Current, Is.EqualTo(FlightMode.Boot));
        }
    }

    [Test]
    public void Start_Twice_ThrowsInvalidOperation()
    {
        var app = new FlightApplication(_board);
        app.Start();

        Assert.That(app.Start, Throws.InvalidOperationException.With.Message.EqualTo("The application has already started."));
    }

    [Test]
    public void Add_AfterStart_ThrowsInvalidOperation()
    {
        var app = new FlightApplication(_board);
        app.Start();

        Assert.That(() => app.Add(new TestComponent()), Throws.InvalidOperationException.With.Message.EqualTo("Component 'probe' added after the application started."));
    }

    [Test]
    public void Add_NameAlreadyAddedInAnotherCase_ThrowsInvalidOperation()
    {
        var app = new FlightApplication(_board);

        Assert.That(() => app.Add(new TestComponent("BOOT", 0x2000)), Throws.InvalidOperationException.With.Message.EqualTo("A component named 'BOOT' is already added."));
        Assert.That(app.Components, Has.Count.EqualTo(5));
    }

    [Test]
    public void Add_IdBaseAlreadyUsed_ThrowsNamingBothComponents()
    {
        var app = new FlightApplication(_board);

        Assert.That(
            () => app.Add(new TestComponent("other", 0x0600)),
            Throws.InvalidOperationException.With.Message.EqualTo("Component 'other' has id base 0x0600, already used by 'boot'."));
        Assert.That(app.FindComponent("other"), Is.Null, "a refused component is not half-added");
    }

    [Test]
    public void Start_HealthNameTakenByAnotherComponent_Throws()
    {
        var app = new FlightApplication(_board);
        app.Add(new TestComponent("health", 0x2000));

        Assert.That(app.Start, Throws.InvalidOperationException.With.Message.EqualTo("A component named 'health' is already added."));
    }

    private static IEnumerable<TestCaseData> Clashes()
    {
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((a, _) => a.AddEvent(0, "BOOT", "{count} {cause}")),
            "Event a.BOOT (0x2000) clashes with boot.BOOT (0x0600).").SetArgDisplayNames("event name of a framework component");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((a, b) => { a.AddEvent(0, "TST_EVENT"); b.AddEvent(1, "TST_EVENT"); }),
            "Event b.TST_EVENT (0x2101) clashes with a.TST_EVENT (0x2000).").SetArgDisplayNames("event name across components");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((a, _) => { a.AddEvent(3, "FIRST"); a.AddEvent(3, "SECOND"); }),
            "Event a.SECOND (0x2003) clashes with a.FIRST (0x2003).").SetArgDisplayNames("event id");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((_, b) => b.AddChannel<uint>(0, "MODE")),
            "Telemetry name MODE of b is already used by modes.").SetArgDisplayNames("channel name");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((a, _) => { a.AddChannel<int>(1, "FIRST"); a.AddChannel<int>(1, "SECOND"); }),
            "Telemetry id 0x2001 of a.SECOND is already used by a.FIRST.").SetArgDisplayNames("channel id");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((_, b) => b.AddCommand(0, "cmd_noop", _ => default)),
            "Command name cmd_noop of b is already used by commands.").SetArgDisplayNames("command name");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((a, _) => { a.AddCommand(2, "FIRST", _ => default); a.AddCommand(2, "SECOND", _ => default); }),
            "Opcode 0x2002 of a.SECOND is already used by a.FIRST.").SetArgDisplayNames("command opcode");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((a, b) => { a.AddParameter(0, "TST_LIMIT", 1, 0, 2); b.AddParameter(0, "tst_limit", 1, 0, 2); }),
            "Parameter name tst_limit of b is already used by a.").SetArgDisplayNames("parameter name");
        yield return new TestCaseData(
            new Action<TestComponent, TestComponent>((a, _) => { a.AddParameter(4, "FIRST", 1, 0, 2); a.AddParameter(4, "SECOND", 1, 0, 2); }),
            "Parameter a.SECOND (0x2004) clashes with a.FIRST.").SetArgDisplayNames("parameter id");
    }

    [TestCaseSource(nameof(Clashes))]
    public void Start_DuplicateDeclaration_IsRefusedWithAMessageNamingBoth(Action<TestComponent, TestComponent> declare, string message)
    {
        var app = new FlightApplication(_board);
        var a = new TestComponent("a", 0x2000);
        var b = new TestComponent("b", 0x2100);
        declare(a, b);
        app.Add(a);
        app.Add(b);

        Assert.That(app.Start, Throws.InvalidOperationException.With.Message.EqualTo(message));
        Assert.That(app.IsRunning, Is.False);
    }

    /// <summary>Stores a reset history whose last boots, just now, started for <paramref name="causes"/>.</summary>
    private void WriteHistory(params ResetCause[] causes)
    {
        var history = new ResetHistory();
        foreach (var cause in causes)
        {
            history.Append(cause, "test", _board.Time.GetUtcNow());
        }

        new DurableRecordStore(_hardware.Store).Write(BootManager.HistoryRecord, history.Serialize());
    }

    [Test]
    public void FindComponent_NameInAnyCase_ReturnsItOrNull()
    {
        var app = new FlightApplication(_board);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.FindComponent("Modes"), Is.SameAs(app.Modes));
            Assert.That(app.FindComponent("radio"), Is.Null);
        }
    }

    [Test]
    public void Add_PassiveComponent_IsNotScheduled()
    {
        var app = new FlightApplication(_board);
        var passive = new TestComponent();
        app.Add(passive);
        app.Start();

        _hardware.Clock.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(passive.RateGroups, Is.Empty);
            Assert.That(passive.Cycles, Is.Empty);
            Assert.That(passive.State, Is.EqualTo(ComponentState.Running));
        }
    }

    [Test]
    public void Stop_RunningApplication_StopsTheExecutiveThenEveryComponentInReverseOrder()
    {
        var app = new FlightApplication(_board);
        var stops = new List<string>();
        var first = new TestComponent("first", 0x2000) { OnStopped = () => stops.Add("first") };
        var second = new TestComponent("second", 0x2100) { OnStopped = () => stops.Add("second") };
        second.OnStopped = () => stops.Add($"second (scheduler {app.Scheduler.State}, first {first.State})");
        app.Add(first, RateGroupId.Rate10Hz);
        app.Add(second, RateGroupId.Rate10Hz);
        app.Start();
        _hardware.Clock.RunFor(TimeSpan.FromSeconds(1));

        app.Stop();
        _hardware.Clock.RunFor(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stops, Is.EqualTo(new[] { "second (scheduler Stopped, first Running)", "first" }));
            Assert.That(app.IsRunning, Is.False);
            Assert.That(app.Components.Select(c => c.State), Has.All.EqualTo(ComponentState.Stopped));
            Assert.That(first.Cycles, Has.Count.EqualTo(10), "no cycle after the stop");
            Assert.That(_hardware.Watchdog.IsRunning, Is.False, "an orderly shutdown disarms the watchdog");
            Assert.That(app.Telemetry.Find("HEALTH_WDOG_ARMED")!.BoxedValue, Is.EqualTo(false));
            Assert.That(_hardware.Resets, Is.Empty, "so it does not reset the stopped node");
        }
    }

    [Test]
    public void Stop_NotStarted_DoesNothing()
    {
        var app = new FlightApplication(_board);
        var probe = new TestComponent();
        app.Add(probe);

        app.Stop();

        Assert.That(probe.Lifecycle, Is.Empty);
    }

    [Test]
    public void Start_AfterStop_ThrowsInvalidOperation()
    {
        var app = new FlightApplication(_board);
        app.Start();
        app.Stop();

        Assert.That(app.Start, Throws.InvalidOperationException);
    }

    [Test]
    public void Options_EventCapacity_BoundsTheEventRing()
    {
        var app = new FlightApplication(_board, new FlightApplicationOptions { EventCapacity = 4 });
        app.Start();

        _hardware.Clock.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.Events.Snapshot(), Has.Count.EqualTo(4));
            Assert.That(app.Events.Overwritten, Is.EqualTo(app.Events.TotalEmitted - 4));
        }
    }
}
