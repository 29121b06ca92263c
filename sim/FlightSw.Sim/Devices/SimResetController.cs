using FlightSw.Hal;

namespace FlightSw.Sim.Devices;

/// <summary>One boot's view of the reset line: why this boot started, and a way to ask for the next reset.</summary>
public sealed class SimResetController : IResetController
{
    private readonly Action<ResetCause, string> _request;

    /// <summary>Creates the controller for a boot that started because of <paramref name="lastResetCause"/>.</summary>
    public SimResetController(ResetCause lastResetCause, Action<ResetCause, string> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        LastResetCause = lastResetCause;
        _request = request;
    }

    /// <inheritdoc />
    public ResetCause LastResetCause { get; }

    /// <inheritdoc />
    public void RequestWarmReset(string reason) => _request(ResetCause.CommandedWarmReset, reason ?? "");

    /// <inheritdoc />
    public void RequestPowerCycle(string reason) => _request(ResetCause.CommandedPowerCycle, reason ?? "");
}
