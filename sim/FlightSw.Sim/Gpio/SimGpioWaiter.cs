using System.Device.Gpio;

namespace FlightSw.Sim.Gpio;

/// <summary>One caller blocked in <c>WaitForEvent</c> on a simulated pin.</summary>
internal sealed class SimGpioWaiter(PinEventTypes wanted)
{
    public PinEventTypes Wanted { get; } = wanted;

    public TaskCompletionSource<PinEventTypes> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
