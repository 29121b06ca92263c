namespace FlightSw.Hal.Linux;

/// <summary>
/// Host actions held for the process's main loop to carry out: the component that asked for a
/// reset returns first (as <see cref="IResetController"/> promises), then the main loop wakes
/// on <see cref="Requested"/> and acts on <see cref="Pending"/>. A power cycle outranks a warm
/// reset asked for before it. Thread-safe.
/// </summary>
public sealed class PendingResetHost : ILinuxHost
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LinuxResetRequest? _pending;

    /// <summary>Completes at the first request.</summary>
    public Task Requested => _requested.Task;

    /// <summary>The highest-ranking request so far, or null.</summary>
    public LinuxResetRequest? Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <inheritdoc />
    public void RestartProcess(string reason) => Record(new LinuxResetRequest(ResetCause.CommandedWarmReset, reason ?? ""));

    /// <inheritdoc />
    public void Reboot(string reason) => Record(new LinuxResetRequest(ResetCause.CommandedPowerCycle, reason ?? ""));

    private void Record(LinuxResetRequest request)
    {
        lock (_gate)
        {
            if (request.Outranks(_pending))
            {
                _pending = request;
            }
        }

        _requested.TrySetResult();
    }
}
