using System.Globalization;
using Meadow;
using Meadow.Hardware;
using PinChangeEventHandler = System.Device.Gpio.PinChangeEventHandler;
using PinEventTypes = System.Device.Gpio.PinEventTypes;
using PinMode = System.Device.Gpio.PinMode;
using PinValue = System.Device.Gpio.PinValue;
using WaitForEventResult = System.Device.Gpio.WaitForEventResult;

namespace FlightSw.Hal.Meadow;

/// <summary>
/// System.Device.Gpio's <see cref="System.Device.Gpio.GpioDriver"/> over a Meadow device's digital
/// ports, so flight code keeps using <see cref="System.Device.Gpio.GpioController"/>. A line is
/// the STM32 port index × 16 + pin (PA1 = 1, PB6 = 22), as the board file numbers it; the driver
/// asks the device for the pin of that key ("PA1"). Only pins the Meadow pinout lists can open.
/// </summary>
/// <remarks>
/// <para>Modes: Input, InputPullUp, InputPullDown and Output. Each mode change releases the pin's
/// Meadow port and creates the new one. Values are Meadow port states: on the onboard LED pins,
/// whose Meadow channel has inverse logic, High lights the LED, as the status LED expects.</para>
/// <para>Pin events (callbacks, WaitForEvent) are not wired: they throw
/// <see cref="NotSupportedException"/>. Nothing in the flight image uses them yet; when something
/// does, map them to the device's interrupt ports.</para>
/// </remarks>
public sealed class MeadowGpioDriver : System.Device.Gpio.GpioDriver
{
    private const int LinesPerPort = 16;

    private readonly IMeadowDevice _device;
    private readonly int _pinCount;
    private readonly object _gate = new();
    private readonly Dictionary<int, PinMode> _modes = new();
    private readonly Dictionary<int, IDigitalOutputPort> _outputs = new();
    private readonly Dictionary<int, IDigitalInputPort> _inputs = new();

    /// <summary>Drives the lines 0 to <paramref name="pinCount"/> - 1 of <paramref name="device"/>.</summary>
    /// <param name="device">The Meadow device.</param>
    /// <param name="pinCount">Number of lines, from the board file.</param>
    public MeadowGpioDriver(IMeadowDevice device, int pinCount)
    {
        _device = device ?? throw new ArgumentNullException(nameof(device));
        if (pinCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pinCount), pinCount, "A GPIO chip has at least one line.");
        }

        _pinCount = pinCount;
    }

    /// <inheritdoc />
    protected override int PinCount => _pinCount;

    /// <summary>The Meadow pin key of <paramref name="line"/>: port letter and pin number, such as "PA1".</summary>
    public static string KeyOf(int line) =>
        "P" + (char)('A' + (line / LinesPerPort)) + (line % LinesPerPort).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        CheckRange(pinNumber);
        lock (_gate)
        {
            // The Meadow port is created by SetPinMode, which GpioController calls right after.
            _modes[pinNumber] = PinMode.Input;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            ReleasePort(pinNumber);
            _modes.Remove(pinNumber);
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode == PinMode.Input || mode == PinMode.InputPullUp || mode == PinMode.InputPullDown || mode == PinMode.Output;

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return ModeOf(pinNumber);
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode) => Configure(pinNumber, mode, initiallyHigh: false);

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue) =>
        Configure(pinNumber, mode, initialValue == PinValue.High);

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            EnsureOpen(pinNumber);
            if (_outputs.TryGetValue(pinNumber, out var output))
            {
                return output.State ? PinValue.High : PinValue.Low;
            }

            if (!_inputs.TryGetValue(pinNumber, out var input))
            {
                input = _device.CreateDigitalInputPort(PinOf(pinNumber), ResistorMode.Disabled);
                _inputs.Add(pinNumber, input);
            }

            return input.State ? PinValue.High : PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate)
        {
            if (ModeOf(pinNumber) != PinMode.Output || !_outputs.TryGetValue(pinNumber, out var output))
            {
                throw new InvalidOperationException($"Pin {pinNumber} ({KeyOf(pinNumber)}) is not an output.");
            }

            output.State = value == PinValue.High;
        }
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw EventsNotSupported();

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw EventsNotSupported();

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw EventsNotSupported();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                foreach (int pin in _modes.Keys.ToList())
                {
                    ReleasePort(pin);
                }

                _modes.Clear();
            }
        }

        base.Dispose(disposing);
    }

    private static NotSupportedException EventsNotSupported() =>
        new("Pin events are not wired on the Meadow backend; use the device's interrupt ports.");

    private void Configure(int pinNumber, PinMode mode, bool initiallyHigh)
    {
        lock (_gate)
        {
            EnsureOpen(pinNumber);
            ReleasePort(pinNumber);
            var pin = PinOf(pinNumber);
            if (mode == PinMode.Output)
            {
                _outputs.Add(pinNumber, _device.CreateDigitalOutputPort(pin, initiallyHigh));
            }
            else if (mode == PinMode.Input || mode == PinMode.InputPullUp || mode == PinMode.InputPullDown)
            {
                var resistor = mode == PinMode.InputPullUp ? ResistorMode.InternalPullUp
                    : mode == PinMode.InputPullDown ? ResistorMode.InternalPullDown
                    : ResistorMode.Disabled;
                _inputs.Add(pinNumber, _device.CreateDigitalInputPort(pin, resistor));
            }
            else
            {
                throw new NotSupportedException($"Pin mode {mode} is not supported on the Meadow backend.");
            }

            _modes[pinNumber] = mode;
        }
    }

    /// <summary>The mode of an open pin. Call under the lock.</summary>
    private PinMode ModeOf(int pinNumber)
    {
        EnsureOpen(pinNumber);
        return _modes[pinNumber];
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> when the pin is not open, as the Linux drivers do. Call under the lock.</summary>
    private void EnsureOpen(int pinNumber)
    {
        if (!_modes.ContainsKey(pinNumber))
        {
            throw new InvalidOperationException($"Pin {pinNumber} is not open.");
        }
    }

    private void ReleasePort(int pinNumber)
    {
        // Disposing a Meadow port frees the pin for the next port on it.
        if (_outputs.TryGetValue(pinNumber, out var output))
        {
            _outputs.Remove(pinNumber);
            (output as IDisposable)?.Dispose();
        }

        if (_inputs.TryGetValue(pinNumber, out var input))
        {
            _inputs.Remove(pinNumber);
            (input as IDisposable)?.Dispose();
        }
    }

    private IPin PinOf(int pinNumber)
    {
        string key = KeyOf(pinNumber);
        try
        {
            // IMeadowDevice.GetPin takes a pin's name (D07) or key (PB7).
            return _device.GetPin(key) ?? throw new ArgumentException($"This Meadow has no pin {key} (line {pinNumber}).", nameof(pinNumber));
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            throw new ArgumentException($"This Meadow has no pin {key} (line {pinNumber}).", nameof(pinNumber), ex);
        }
    }

    private void CheckRange(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"Lines are 0 to {_pinCount - 1}.");
        }
    }
}
