using FlightSw.Core.Commands;
using FlightSw.Core.Modes;
using FlightSw.Core.Tests.Fixtures;

namespace FlightSw.Core.Tests.Modes;

public class ModeManagerTests
{
    [TestCase(FlightMode.Boot, FlightMode.Nominal, true)]
    [TestCase(FlightMode.Boot, FlightMode.Safe, true)]
    [TestCase(FlightMode.Nominal, FlightMode.Safe, true)]
    [TestCase(FlightMode.Safe, FlightMode.Nominal, true)]
    [TestCase(FlightMode.Nominal, FlightMode.Boot, false)]
    [TestCase(FlightMode.Safe, FlightMode.Boot, false)]
    [TestCase(FlightMode.Boot, FlightMode.Boot, false)]
    [TestCase(FlightMode.Nominal, FlightMode.Nominal, false)]
    [TestCase(FlightMode.Safe, FlightMode.Safe, false)]
    public void IsAllowed_Transition_FollowsTheModeLadder(FlightMode from, FlightMode to, bool allowed)
    {
        Assert.That(ModeManager.IsAllowed(from, to), Is.EqualTo(allowed));
    }

    [Test]
    public void Current_NewManager_IsBoot()
    {
        Assert.That(new ModeManager().Current, Is.EqualTo(FlightMode.Boot));
    }

    [Test]
    public void Start_Application_EntersNominalFromBoot()
    {
        using var node = TestNode.Boot();

        var changes = node.EventsNamed("MODE_CHANGED");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Nominal));
            Assert.That(node.Telemetry("MODE"), Is.EqualTo(FlightMode.Nominal));
            Assert.That(node.Telemetry("MODE_TRANSITIONS"), Is.EqualTo(1u));
            Assert.That(changes.Select(e => e.Message), Is.EqualTo(new[] { "Mode Boot -> Nominal: boot complete" }));
        }
    }

    [Test]
    public void TryTransition_NominalToSafe_ChangesModeRaisesTheEventAndNotifies()
    {
        using var node = TestNode.Boot();
        var notified = new List<(FlightMode From, FlightMode To)>();
        node.App.Modes.Changed += (from, to) => notified.Add((from, to));

        bool ok = node.App.Modes.TryTransition(FlightMode.Safe, "battery low");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Safe));
            Assert.That(node.Telemetry("MODE"), Is.EqualTo(FlightMode.Safe));
            Assert.That(node.Telemetry("MODE_TRANSITIONS"), Is.EqualTo(2u));
            Assert.That(node.EventsNamed("MODE_CHANGED")[^1].Message, Is.EqualTo("Mode Nominal -> Safe: battery low"));
            Assert.That(notified, Is.EqualTo(new[] { (FlightMode.Nominal, FlightMode.Safe) }));
        }
    }

    [TestCase(FlightMode.Nominal)]
    [TestCase(FlightMode.Safe)]
    public void TryTransition_BackToBoot_IsRefusedWithModeRefused(FlightMode from)
    {
        using var node = TestNode.Boot();
        node.App.Modes.TryTransition(from, "setup");
        var notified = new List<FlightMode>();
        node.App.Modes.Changed += (_, to) => notified.Add(to);

        bool ok = node.App.Modes.TryTransition(FlightMode.Boot, "why not");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(node.App.Modes.Current, Is.EqualTo(from));
            Assert.That(node.Telemetry("MODE"), Is.EqualTo(from));
            Assert.That(node.EventsNamed("MODE_REFUSED").Select(e => e.Message), Is.EqualTo(new[] { $"Mode {from} -> Boot refused: transition not allowed" }));
            Assert.That(notified, Is.Empty);
        }
    }

    [Test]
    public void TryTransition_ToTheCurrentMode_SucceedsWithoutAnEvent()
    {
        using var node = TestNode.Boot();

        bool ok = node.App.Modes.TryTransition(FlightMode.Nominal, "again");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(node.EventsNamed("MODE_CHANGED"), Has.Count.EqualTo(1), "only the boot transition");
            Assert.That(node.Telemetry("MODE_TRANSITIONS"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void ModeSetCommand_SafeThenNominal_IsCarriedOutAsCommanded()
    {
        using var node = TestNode.Boot();

        var toSafe = node.App.Commands.Execute(CommandRequest.Of("MODE_SET", "safe"));
        var inSafe = node.App.Modes.Current;
        var toNominal = node.App.Commands.Execute(CommandRequest.Of("MODE_SET", "NOMINAL"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(toSafe, Is.EqualTo(new CommandResponse("MODE_SET", CommandStatus.Completed, "mode Safe")));
            Assert.That(inSafe, Is.EqualTo(FlightMode.Safe));
            Assert.That(toNominal, Is.EqualTo(new CommandResponse("MODE_SET", CommandStatus.Completed, "mode Nominal")));
            Assert.That(node.EventsNamed("MODE_CHANGED").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Mode Boot -> Nominal: boot complete",
                "Mode Nominal -> Safe: commanded",
                "Mode Safe -> Nominal: commanded",
            }));
        }
    }

    [Test]
    public void HoldSafe_FromNominal_EntersSafeWithTheReason()
    {
        using var node = TestNode.Boot();

        node.App.Modes.HoldSafe("boot-loop protection: test");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Safe));
            Assert.That(node.App.Modes.SafeHold, Is.EqualTo("boot-loop protection: test"));
            Assert.That(node.EventsNamed("MODE_CHANGED")[^1].Message, Is.EqualTo("Mode Nominal -> Safe: boot-loop protection: test"));
        }
    }

    [Test]
    public void TryTransition_NominalWhileHeldInSafe_IsRefusedTellingHowToLeave()
    {
        using var node = TestNode.Boot();
        node.App.Modes.HoldSafe("boot-loop protection: test");
        var notified = new List<FlightMode>();
        node.App.Modes.Changed += (_, to) => notified.Add(to);

        bool ok = node.App.Modes.TryTransition(FlightMode.Nominal, "battery full");
        bool stillSafe = node.App.Modes.TryTransition(FlightMode.Safe, "again");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(stillSafe, Is.True, "SAFE itself is always allowed");
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Safe));
            Assert.That(node.Telemetry("MODE"), Is.EqualTo(FlightMode.Safe));
            Assert.That(node.EventsNamed("MODE_REFUSED").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Mode Safe -> Nominal refused: boot-loop protection: test: only essential components run in this boot; send BOOT_LOOP_CLEAR, then NODE_RESET",
            }));
            Assert.That(notified, Is.Empty);
        }
    }

    [Test]
    public void ModeSetCommand_NominalWhileHeldInSafe_IsRejected()
    {
        using var node = TestNode.Boot();
        node.App.Modes.HoldSafe("boot-loop protection: test");

        var response = node.App.Commands.Execute(CommandRequest.Of("MODE_SET", "Nominal"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("MODE_SET", CommandStatus.Rejected, "mode Safe cannot go to Nominal")));
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Safe));
        }
    }

    [TestCase("")]
    [TestCase("  ")]
    public void HoldSafe_BlankReason_ThrowsArgumentException(string reason)
    {
        using var node = TestNode.Boot();

        Assert.That(() => node.App.Modes.HoldSafe(reason), Throws.ArgumentException);
        Assert.That(node.App.Modes.SafeHold, Is.Null);
        Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Nominal));
    }

    [Test]
    public void SafeHold_NormalBoot_IsNull()
    {
        using var node = TestNode.Boot();

        Assert.That(node.App.Modes.SafeHold, Is.Null);
    }

    [Test]
    public void ModeSetCommand_Boot_IsNotACommandableMode()
    {
        using var node = TestNode.Boot();

        var response = node.App.Commands.Execute(CommandRequest.Of("MODE_SET", "Boot"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("MODE_SET", CommandStatus.InvalidArguments, "argument 'mode' must be one of Nominal, Safe (was 'Boot')")));
            Assert.That(node.App.Modes.Current, Is.EqualTo(FlightMode.Nominal));
        }
    }
}
