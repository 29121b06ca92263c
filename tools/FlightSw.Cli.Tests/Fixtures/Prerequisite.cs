namespace FlightSw.Cli.Tests.Fixtures;

/// <summary>
/// A test that needs something the machine may lack (qemu, sshd): skipped with the reason on a
/// developer's machine, failed in CI, where <c>.ci/run</c> sets <see cref="RequireVariable"/>, so
/// a must-show check can never pass by being skipped.
/// </summary>
internal static class Prerequisite
{
    /// <summary>Environment variable that turns a missing prerequisite into a failure.</summary>
    public const string RequireVariable = "FLIGHTSW_REQUIRE_PREREQUISITES";

    /// <summary>Skips the test, or fails it when prerequisites are required, saying <paramref name="reason"/>.</summary>
    public static void Missing(string reason)
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{reason} ({RequireVariable}=1: required here)");
        }

        Assert.Ignore(reason);
    }
}
