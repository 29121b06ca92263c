using System.Device.Gpio;

namespace FlightSw.Hal.Linux.Tests;

/// <summary>A GPIO driver with nothing behind it, standing in for libgpiod on a machine without GPIO.</summary>
internal sealed class FakeGpioDriver(int pinCount) : GpioDriver
{
    private readonly Dictionary<int, (PinMode Mode, PinValue Value)> _pins = [];

    public bool Disposed { get; private set; }

    protected override int PinCount => pinCount;

    protected override void OpenPin(int pinNumber) => _pins[pinNumber] = (PinMode.Input, PinValue.Low);

    protected override void ClosePin(int pinNumber) => _pins.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _pins[pinNumber] = (mode, _pins[pinNumber].Value);

    protected override PinMode GetPinMode(int pinNumber) => _pins[pinNumber].Mode;

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _pins[pinNumber].Value;

    protected override void Write(int pinNumber, PinValue value) => _pins[pinNumber] = (_pins[pinNumber].Mode, value);

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    public override GpioChipInfo GetChipInfo() => new(0, "fake", "fake", pinCount);

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
