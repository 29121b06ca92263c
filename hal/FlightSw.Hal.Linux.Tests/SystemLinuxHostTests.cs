namespace FlightSw.Hal.Linux.Tests;

/// <summary>The reboot command is injected, so these run harmless commands; <see cref="SystemLinuxHost.RestartProcess"/> ends the process and is not run here.</summary>
public class SystemLinuxHostTests
{
    [Test]
    public void RebootCommandLine_Default_IsSystemctlReboot()
    {
        Assert.That(new SystemLinuxHost().RebootCommandLine, Is.EqualTo("systemctl reboot"));
    }

    [Test]
    public void RestartExitCode_Always_IsNonZeroSoRestartOnFailureApplies()
    {
        Assert.That(SystemLinuxHost.RestartExitCode, Is.EqualTo(75));
    }

    [Test]
    public void Reboot_CommandSucceeds_Returns()
    {
        var host = new SystemLinuxHost("true");

        Assert.That(() => host.Reboot("test"), Throws.Nothing);
    }

    [Test]
    public void Reboot_CommandFails_ThrowsIOExceptionWithTheCommandExitCodeAndOutput()
    {
        var host = new SystemLinuxHost("sh", "-c", "echo 'Access denied' >&2; exit 3");

        Assert.That(
            () => host.Reboot("test"),
            Throws.InstanceOf<IOException>().With.Message.Contains("exit code 3").And.Message.Contains("Access denied").And.Message.Contains("sh -c"));
    }

    [Test]
    public void Reboot_CommandMissing_ThrowsIOExceptionNamingIt()
    {
        var host = new SystemLinuxHost("/nonexistent/systemctl", "reboot");

        Assert.That(() => host.Reboot("test"), Throws.InstanceOf<IOException>().With.Message.Contains("/nonexistent/systemctl reboot"));
    }
}
