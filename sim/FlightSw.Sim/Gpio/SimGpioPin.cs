using System.Device.Gpio;

namespace FlightSw.Sim.Gpio;

/// <summary>State of one simulated GPIO line. Guarded by the owning driver's lock.</summary>
internal sealed class SimGpioPin
{
    public bool IsOpen { get; set; }

    public PinMode Mode { get; set; } = PinMode.Input;

    /// <summary>The output latch: what the pin drives when in output mode.</summary>
    public PinValue OutputLatch { get; set; } = PinValue.Low;

    /// <summary>The level an external circuit drives onto the pin; null when nothing drives it.</summary>
    public PinValue? ExternalLevel { get; set; }

    public long OutputTransitions { get; set; }

    public List<(PinEventTypes EventTypes, PinChangeEventHandler Callback)> Callbacks { get; } = [];

    public List<SimGpioWaiter> Waiters { get; } = [];

    /// <summary>The electrical level of the pin: the latch when driving, else the external level or the pull resistor.</summary>
    public PinValue Level => Mode switch
    {
        PinMode.Output => OutputLatch,
        PinMode.InputPullUp => ExternalLevel ?? PinValue.High,
        _ => ExternalLevel ?? PinValue.Low,
    };
}
