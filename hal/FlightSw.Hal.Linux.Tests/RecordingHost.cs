namespace FlightSw.Hal.Linux.Tests;

/// <summary>A host that records what it was asked to do, and runs <see cref="OnCall"/> at each call (to look at the store at that moment).</summary>
internal sealed class RecordingHost : ILinuxHost
{
    public List<string> Calls { get; } = [];

    public Action? OnCall { get; set; }

    public void RestartProcess(string reason)
    {
        OnCall?.Invoke();
        Calls.Add("restart: " + reason);
    }

    public void Reboot(string reason)
    {
        OnCall?.Invoke();
        Calls.Add("reboot: " + reason);
    }
}
