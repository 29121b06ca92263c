using FlightSw.Core.Commands;
using FlightSw.Core.FaultInjection;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.FaultInjection;

public class FaultInjectorTests
{
    private static TestNode Node() => TestNode.Boot(app =>
    {
        app.Add(new TestComponent(), RateGroupId.Rate10Hz);
        app.Add(new FaultInjector());
    });

    private static TestComponent Probe(TestNode node) => (TestComponent)node.App.FindComponent("probe")!;

    [Test]
    public void FiHangCommand_KnownComponent_HangsItUntilTheNextReset()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "PROBE"));
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_HANG", CommandStatus.Completed, "probe hung")));
            Assert.That(node.EventsNamed("FI_INJECTED").Select(e => e.Message), Is.EqualTo(new[] { "Injected hang into probe" }));
            Assert.That(Probe(node).IsHung, Is.True);
            Assert.That(Probe(node).Cycles, Is.Empty);
        }
    }

    [Test]
    public void FiHangCommand_HungComponent_EndsInAWatchdogResetAndAFreshBoot()
    {
        using var node = Node();
        node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "probe"));

        node.RunUntilBoot(2);
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots[0].Events.Snapshot().Count(e => e.Name == "HEALTH_UNRESPONSIVE"), Is.EqualTo(1));
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.Watchdog }));
            Assert.That(Probe(node).IsHung, Is.False);
            Assert.That(Probe(node).Cycles, Has.Count.EqualTo(10));
        }
    }

    [Test]
    public void FiHangCommand_UnknownComponent_RejectedListingTheKnownOnes()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "radio"));

        Assert.That(response, Is.EqualTo(new CommandResponse("FI_HANG", CommandStatus.Rejected,
            "no component named 'radio'; known: boot, commands, faults, health, modes, params, probe, scheduler")));
    }
}
