namespace FlightSw.Hal.Linux.Tests;

public class PendingResetHostTests
{
    [Test]
    public void Requested_NoRequest_NotCompletedAndNothingPending()
    {
        var host = new PendingResetHost();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(host.Requested.IsCompleted, Is.False);
            Assert.That(host.Pending, Is.Null);
        }
    }

    [Test]
    public void RestartProcess_Called_CompletesRequestedWithAWarmReset()
    {
        var host = new PendingResetHost();

        host.RestartProcess("escalated");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(host.Requested.IsCompletedSuccessfully, Is.True);
            Assert.That(host.Pending, Is.EqualTo(new LinuxResetRequest(ResetCause.CommandedWarmReset, "escalated")));
        }
    }

    [Test]
    public void Reboot_AfterAWarmReset_OutranksIt()
    {
        var host = new PendingResetHost();
        host.RestartProcess("first");

        host.Reboot("latch-up");

        Assert.That(host.Pending, Is.EqualTo(new LinuxResetRequest(ResetCause.CommandedPowerCycle, "latch-up")));
    }

    [Test]
    public void RestartProcess_AfterAReboot_DoesNotReplaceIt()
    {
        var host = new PendingResetHost();
        host.Reboot("latch-up");

        host.RestartProcess("lesser");

        Assert.That(host.Pending?.Cause, Is.EqualTo(ResetCause.CommandedPowerCycle));
    }
}
