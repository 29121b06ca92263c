using FlightSw.Hal;
using FlightSw.Sim.Devices;

namespace FlightSw.Sim.Tests.Devices;

public class SimResetControllerTests
{
    [Test]
    public void Constructor_NullRequest_ThrowsArgumentNullException()
    {
        Assert.That(() => new SimResetController(ResetCause.PowerOn, null!), Throws.ArgumentNullException);
    }

    [TestCase(ResetCause.PowerOn)]
    [TestCase(ResetCause.Watchdog)]
    [TestCase(ResetCause.Brownout)]
    public void LastResetCause_GivenAtConstruction_IsReported(ResetCause cause)
    {
        var controller = new SimResetController(cause, (_, _) => { });

        Assert.That(controller.LastResetCause, Is.EqualTo(cause));
    }

    [Test]
    public void RequestWarmReset_Reason_AsksForACommandedWarmReset()
    {
        var requests = new List<(ResetCause, string)>();
        var controller = new SimResetController(ResetCause.PowerOn, (cause, reason) => requests.Add((cause, reason)));

        controller.RequestWarmReset("ground command");

        Assert.That(requests, Is.EqualTo(new[] { (ResetCause.CommandedWarmReset, "ground command") }));
    }

    [Test]
    public void RequestPowerCycle_Reason_AsksForACommandedPowerCycle()
    {
        var requests = new List<(ResetCause, string)>();
        var controller = new SimResetController(ResetCause.PowerOn, (cause, reason) => requests.Add((cause, reason)));

        controller.RequestPowerCycle("latch-up");

        Assert.That(requests, Is.EqualTo(new[] { (ResetCause.CommandedPowerCycle, "latch-up") }));
    }

    [Test]
    public void RequestWarmReset_NullReason_PassesAnEmptyReason()
    {
        var requests = new List<(ResetCause, string)>();
        var controller = new SimResetController(ResetCause.PowerOn, (cause, reason) => requests.Add((cause, reason)));

        controller.RequestWarmReset(null!);
        controller.RequestPowerCycle(null!);

        Assert.That(requests, Is.EqualTo(new[] { (ResetCause.CommandedWarmReset, ""), (ResetCause.CommandedPowerCycle, "") }));
    }
}
