using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.Components;

public class ComponentTests
{
    private static readonly RateGroupCycle Cycle = new(RateGroupId.Rate10Hz, 0, TimeSpan.FromMilliseconds(100));

    [Test]
    public void Constructor_IdBaseNotAMultipleOf256_ThrowsArgumentOutOfRange()
    {
        Assert.That(
            () => new TestComponent("odd", 0x2010),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.StartWith("The id base of component 'odd' must be a multiple of 256."));
    }

    [TestCase("")]
    [TestCase(" ")]
    public void Constructor_BlankName_ThrowsArgumentException(string name)
    {
        Assert.That(() => new TestComponent(name), Throws.ArgumentException);
    }

    [Test]
    public void Declare_LocalIds_BecomeGlobalIdsOwnedByTheComponent()
    {
        var component = new TestComponent("probe", 0x2000);

        var channel = component.AddChannel<int>(1, "TST_CHANNEL", "V");
        var definition = component.AddEvent(2, "TST_EVENT");
        var command = component.AddCommand(3, "TST_COMMAND", _ => default);
        var parameter = component.AddParameter(255, "TST_PARAMETER", 1, 0, 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((channel.Id, channel.Component), Is.EqualTo(((ushort)0x2001, "probe")));
            Assert.That((definition.Id, definition.Component), Is.EqualTo(((ushort)0x2002, "probe")));
            Assert.That((command.Opcode, command.Component), Is.EqualTo(((ushort)0x2003, "probe")));
            Assert.That((parameter.Id, parameter.Component), Is.EqualTo(((ushort)0x20FF, "probe")));
            Assert.That(component.Channels, Is.EqualTo(new[] { channel }));
            Assert.That(component.Events, Is.EqualTo(new[] { definition }));
            Assert.That(component.Commands, Is.EqualTo(new[] { command }));
            Assert.That(component.Parameters, Is.EqualTo(new[] { parameter }));
        }
    }

    [Test]
    public void Declare_LastIdBase_ReachesId0xFFFF()
    {
        var component = new TestComponent("last", 0xFF00);

        Assert.That(component.AddChannel<int>(255, "TST_LAST").Id, Is.EqualTo(0xFFFF));
    }

    [Test]
    public void Context_BeforeInitialisation_ThrowsInvalidOperation()
    {
        var component = new TestComponent();
        var definition = component.AddEvent(0, "TST_EVENT");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.State, Is.EqualTo(ComponentState.Created));
            Assert.That(() => component.Raise(definition), Throws.InvalidOperationException.With.Message.EqualTo("Component 'probe' is not initialised yet."));
        }
    }

    [Test]
    public void RunCycle_Completed_AnswersThePendingPing()
    {
        var component = new FaultyComponent { Failing = false };
        component.Ping(5);

        component.RunCycle(Cycle);

        Assert.That(component.AnsweredPing, Is.EqualTo(5u));
    }

    [Test]
    public void RunCycle_Throws_PropagatesAndLeavesThePingUnanswered()
    {
        var component = new FaultyComponent { Failing = false };
        component.Ping(5);
        component.RunCycle(Cycle);
        component.Ping(6);
        component.Failing = true;

        Assert.That(() => component.RunCycle(Cycle), Throws.InvalidOperationException);
        Assert.That(component.AnsweredPing, Is.EqualTo(5u));
    }

    [Test]
    public void RunCycle_Hung_DoesNothingAndAnswersNothing()
    {
        var component = new FaultyComponent { Failing = false };
        component.InjectHang();
        component.Ping(5);

        component.RunCycle(Cycle);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.IsHung, Is.True);
            Assert.That(component.Attempts, Is.Zero);
            Assert.That(component.AnsweredPing, Is.Zero);
        }
    }

    [Test]
    public void Lifecycle_OnARunningNode_GoesCreatedInitializedRunningStopped()
    {
        var component = new TestComponent();
        var states = new List<ComponentState> { component.State };
        component.OnInitialized = () => states.Add(component.State);
        component.OnStarted = () => states.Add(component.State);
        component.OnStopped = () => states.Add(component.State);
        using var node = TestNode.Boot(app => app.Add(component));
        states.Add(component.State);

        node.App.Stop();
        states.Add(component.State);

        // Each state is entered after its hook returns.
        Assert.That(states, Is.EqualTo(new[]
        {
            ComponentState.Created, ComponentState.Created, ComponentState.Initialized,
            ComponentState.Running, ComponentState.Running, ComponentState.Stopped,
        }));
    }

    [Test]
    public void Constructor_Defaults_CriticalNotEssentialNeverRestarted()
    {
        var component = new TestComponent();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.IsCritical, Is.True, "the watchdog waits for a component unless it says otherwise");
            Assert.That(component.IsEssential, Is.False, "a SAFE boot leaves a component out unless it says otherwise");
            Assert.That(component.Restarts, Is.Zero);
        }
    }

    [Test]
    public void Restart_HungComponent_ClearsTheHangCountsAndCallsOnRestart()
    {
        var component = new TestComponent();
        component.InjectHang();

        component.Restart();
        component.Restart();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.IsHung, Is.False);
            Assert.That(component.Restarts, Is.EqualTo(2));
            Assert.That(component.Lifecycle, Is.EqualTo(new[] { "restart", "restart" }));
            Assert.That(component.State, Is.EqualTo(ComponentState.Running));
        }
    }

    [Test]
    public void Restart_HungComponent_AnswersTheNextPingAgain()
    {
        var component = new FaultyComponent { Failing = false };
        component.InjectHang();
        component.Ping(5);
        component.RunCycle(Cycle);

        component.Restart();
        component.Ping(6);
        component.RunCycle(Cycle);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.AnsweredPing, Is.EqualTo(6u));
            Assert.That(component.Attempts, Is.EqualTo(1), "only the cycle after the restart ran");
        }
    }

    [Test]
    public void Disable_RunningComponent_IsDisabledAndStaysHung()
    {
        var component = new TestComponent();
        component.InjectHang();

        component.Disable();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.State, Is.EqualTo(ComponentState.Disabled));
            Assert.That(component.IsHung, Is.True, "disabling does not repair");
            Assert.That(component.Lifecycle, Is.Empty, "no lifecycle hook runs");
        }
    }

    [Test]
    public void Skip_NewComponent_IsSkippedWithoutInitialisation()
    {
        var component = new TestComponent();

        component.Skip();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.State, Is.EqualTo(ComponentState.Skipped));
            Assert.That(component.Lifecycle, Is.Empty);
            Assert.That(() => component.ContextForTest, Throws.InvalidOperationException, "never bound to the board");
        }
    }

    [Test]
    public void Start_CrashInjected_ThrowsOnceWithoutStarting()
    {
        var component = new TestComponent();
        component.InjectCrashAtStart();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.Start, Throws.TypeOf<InjectedCrashException>().With.Message.EqualTo("Component 'probe' crashed at start (injected fault)."));
            Assert.That(component.Lifecycle, Is.Empty, "OnStart did not run");
            Assert.That(component.State, Is.EqualTo(ComponentState.Created));
        }

        component.Start();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(component.Lifecycle, Is.EqualTo(new[] { "start" }), "the crash is armed for one start");
            Assert.That(component.State, Is.EqualTo(ComponentState.Running));
        }
    }

    [Test]
    public void Start_CrashInjectedOnARunningNodesComponent_CrashesTheBootAndTheNextBootRunsIt()
    {
        bool first = true;
        using var node = TestNode.Boot(app =>
        {
            var probe = new TestComponent();
            if (first)
            {
                probe.InjectCrashAtStart();
                first = false;
            }

            app.Add(probe, RateGroupId.Rate10Hz);
        });
        node.RunUntilBoot(2);
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots[0].IsRunning, Is.False);
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.Crash }));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.Crash));
            Assert.That(((TestComponent)node.App.FindComponent("probe")!).Cycles, Has.Count.EqualTo(10));
        }
    }

    [Test]
    public void Raise_InitialisedComponent_GoesToTheNodesEventLogUnderItsName()
    {
        var component = new TestComponent();
        var definition = component.AddEvent(0, "TST_EVENT", "Value {value}", EventSeverity.WarningLow);
        using var node = TestNode.Boot(app => app.Add(component));

        var record = component.Raise(definition, 42);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Events.Snapshot()[^1], Is.SameAs(record));
            Assert.That(record.Component, Is.EqualTo("probe"));
            Assert.That(record.Message, Is.EqualTo("Value 42"));
            Assert.That(component.ContextForTest.Board, Is.SameAs(node.Board));
            Assert.That(component.ContextForTest.Time, Is.SameAs(node.Board.Time));
        }
    }
}
