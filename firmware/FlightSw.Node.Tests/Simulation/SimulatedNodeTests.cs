using FlightSw.Core.Modes;
using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Node.Simulation;

namespace FlightSw.Node.Tests.Simulation;

public sealed class SimulatedNodeTests
{
    private static SimulatedNode NewNode(int seed = 1) => new(BoardCatalog.Locate().Load("sim"), seed);

    [Test]
    public void PowerOn_AfterTheBootDelay_FlightImageRunsInNominal()
    {
        using var node = NewNode();
        node.PowerOn();

        Assert.That(node.Application, Is.Null, "booting takes time");
        node.RunFor(TimeSpan.FromSeconds(3));

        Assert.Multiple(() =>
        {
            Assert.That(node.Application, Is.Not.Null);
            Assert.That(node.Application!.Modes.Current, Is.EqualTo(FlightMode.Nominal));
            Assert.That(node.Application.FindComponent("board"), Is.Not.Null);
            Assert.That(node.Application.FindComponent("led"), Is.Not.Null);
        });
    }

    [Test]
    public void Reset_EndsTheBoot_StatisticsKeepCountingAcrossBoots()
    {
        using var node = NewNode();
        node.PowerOn();
        node.RunFor(TimeSpan.FromSeconds(60));
        var firstBoot = node.Application!;
        long ticksBeforeReset = node.Statistics.Ticks(firstBoot);

        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        node.RunFor(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(node.Application, Is.Not.SameAs(firstBoot));
            Assert.That(node.Hardware.Boots, Is.EqualTo(2));
            Assert.That(node.Statistics.Ticks(node.Application), Is.GreaterThan(ticksBeforeReset + 500));
            Assert.That(firstBoot.Scheduler.Ticks, Is.EqualTo(ticksBeforeReset), "the old boot's executive stopped with the reset");
            Assert.That(node.Application!.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
        });
    }

    [Test]
    public void Summarize_AfterAWatchdogReset_CountsItByCause()
    {
        using var node = NewNode();
        node.PowerOn();
        node.RunFor(TimeSpan.FromSeconds(5));
        node.Application!.Commands.Submit(Core.Commands.CommandRequest.Of("FI_HANG", "health"));
        node.RunFor(TimeSpan.FromSeconds(30));

        var summary = node.Summarize();

        Assert.Multiple(() =>
        {
            Assert.That(summary.WatchdogResets, Is.EqualTo(1));
            Assert.That(summary.ResetsByCause[ResetCause.Watchdog], Is.EqualTo(1));
            Assert.That(summary.Boots, Is.EqualTo(2));
            Assert.That(summary.Mode, Is.EqualTo(FlightMode.Nominal));
        });
    }
}
