using System.Device.Gpio;

namespace FlightSw.Sim.Gpio;

/// <summary>
/// A simulated GPIO chip behind <see cref="GpioDriver"/>, used as
/// <c>new GpioController(new SimGpioDriver(58))</c>. Output pins keep what is written and read it
/// back; input pins read what the simulation drives with <see cref="Drive"/>, or their pull
/// resistor when nothing drives them.
/// </summary>
/// <remarks>
/// <para>Pins must be opened before use; any other operation on a pin that is not open throws
/// <see cref="InvalidOperationException"/>, as the Linux drivers do. Supported modes: Input,
/// Output, InputPullUp and InputPullDown. A floating input (Input, not driven) reads Low.</para>
/// <para>Every change of a pin's level (a write or toggle on an output, <see cref="Drive"/> or
/// <see cref="Release"/> on an input, or a mode change) raises a Rising or Falling event: callbacks
/// run synchronously on the thread that made the change, so tests are deterministic, and
/// <c>WaitForEvent</c> callers on other threads are released. <see cref="TransitionCount"/> counts
/// changes of the driven level of output pins.</para>
/// </remarks>
public class SimGpioDriver : GpioDriver
{
    private readonly SimGpioPin[] _pins;
    private readonly Lock _sync = new();
    private bool _disposed;

    /// <summary>Creates a GPIO chip with <paramref name="pinCount"/> lines, numbered 0 to pinCount - 1, all closed inputs.</summary>
    /// <param name="pinCount">Number of lines; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pinCount"/> is less than 1.</exception>
    public SimGpioDriver(int pinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _pins = new SimGpioPin[pinCount];
        for (int i = 0; i < pinCount; i++)
        {
            _pins[i] = new SimGpioPin();
        }
    }

    /// <inheritdoc />
    protected override int PinCount => _pins.Length;

    /// <summary>
    /// Drives <paramref name="pinNumber"/> from outside, as a button, sensor or another board would.
    /// The level is seen by the pin while it is an input; the pin need not be open.
    /// </summary>
    /// <param name="pinNumber">Pin number, 0 to pin count - 1.</param>
    /// <param name="value">The level driven onto the pin.</param>
    public void Drive(int pinNumber, PinValue value) => SetExternalLevel(pinNumber, value);

    /// <summary>Stops driving <paramref name="pinNumber"/> from outside; an input then reads its pull resistor (or Low when floating).</summary>
    /// <param name="pinNumber">Pin number, 0 to pin count - 1.</param>
    public void Release(int pinNumber) => SetExternalLevel(pinNumber, null);

    /// <summary>The electrical level of <paramref name="pinNumber"/> now, whether or not it is open.</summary>
    /// <param name="pinNumber">Pin number, 0 to pin count - 1.</param>
    /// <returns>The output latch for an output, else the driven level or the pull resistor.</returns>
    public PinValue GetLevel(int pinNumber)
    {
        lock (_sync)
        {
            return GetPin(pinNumber).Level;
        }
    }

    /// <summary>How many times the driven level of output <paramref name="pinNumber"/> has changed since the driver was created.</summary>
    /// <param name="pinNumber">Pin number, 0 to pin count - 1.</param>
    /// <returns>The number of Low-to-High and High-to-Low changes while the pin was an output.</returns>
    public long TransitionCount(int pinNumber)
    {
        lock (_sync)
        {
            return GetPin(pinNumber).OutputTransitions;
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            GetPin(pinNumber).IsOpen = true;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        List<SimGpioWaiter> released;
        lock (_sync)
        {
            SimGpioPin pin = GetOpenPin(pinNumber);
            pin.IsOpen = false;
            pin.Callbacks.Clear();
            released = [.. pin.Waiters];
            pin.Waiters.Clear();
        }

        foreach (SimGpioWaiter waiter in released)
        {
            waiter.Completion.TrySetResult(PinEventTypes.None);
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode)
    {
        lock (_sync)
        {
            _ = GetPin(pinNumber);
        }

        return mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_sync)
        {
            return GetOpenPin(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode) => ChangePin(pinNumber, mode, latch: null);

    /// <inheritdoc />
    /// <remarks>The latch is set before the mode, so an output opened High does not glitch Low.</remarks>
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue) =>
        ChangePin(pinNumber, mode, initialValue);

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_sync)
        {
            return GetOpenPin(pinNumber).Level;
        }
    }

    /// <inheritdoc />
    /// <remarks>The value is stored in the output latch; it reaches the pin while the pin is an output.</remarks>
    protected override void Write(int pinNumber, PinValue value)
    {
        PinMode mode;
        lock (_sync)
        {
            mode = GetOpenPin(pinNumber).Mode;
        }

        ChangePin(pinNumber, mode, value);
    }

    /// <inheritdoc />
    /// <remarks>Inverts the output latch.</remarks>
    protected override void Toggle(int pinNumber)
    {
        PinEventTypes edge;
        lock (_sync)
        {
            SimGpioPin pin = GetOpenPin(pinNumber);
            PinValue before = pin.Level;
            pin.OutputLatch = !pin.OutputLatch;
            edge = RecordChange(pin, before);
        }

        Raise(pinNumber, edge);
    }

    /// <inheritdoc />
    /// <remarks>Returns at the first matching edge after the call, or with <see cref="WaitForEventResult.TimedOut"/> set when <paramref name="cancellationToken"/> is cancelled.</remarks>
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        SimGpioWaiter waiter = AddWaiter(pinNumber, eventTypes);
        try
        {
            waiter.Completion.Task.Wait(cancellationToken);
            return Result(waiter.Completion.Task.Result);
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveWaiter(pinNumber, waiter);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        SimGpioWaiter waiter = AddWaiter(pinNumber, eventTypes);
        try
        {
            PinEventTypes edge = await waiter.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return Result(edge);
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveWaiter(pinNumber, waiter);
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_sync)
        {
            GetOpenPin(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_sync)
        {
            GetOpenPin(pinNumber).Callbacks.RemoveAll(entry => entry.Callback == callback);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            // From the finalizer: nothing unmanaged to free, and the pins may never have been
            // built (a constructor that threw still leaves a finalizable object).
            base.Dispose(disposing);
            return;
        }

        List<SimGpioWaiter> released = [];
        lock (_sync)
        {
            _disposed = true;
            foreach (SimGpioPin pin in _pins)
            {
                pin.IsOpen = false;
                pin.Callbacks.Clear();
                released.AddRange(pin.Waiters);
                pin.Waiters.Clear();
            }
        }

        foreach (SimGpioWaiter waiter in released)
        {
            waiter.Completion.TrySetResult(PinEventTypes.None);
        }

        base.Dispose(disposing);
    }

    private static WaitForEventResult Result(PinEventTypes edge) => edge == PinEventTypes.None
        ? new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true }
        : new WaitForEventResult { EventTypes = edge, TimedOut = false };

    private static PinEventTypes RecordChange(SimGpioPin pin, PinValue before)
    {
        PinValue after = pin.Level;
        if (after == before)
        {
            return PinEventTypes.None;
        }

        if (pin.Mode == PinMode.Output)
        {
            pin.OutputTransitions++;
        }

        return after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
    }

    private void ChangePin(int pinNumber, PinMode mode, PinValue? latch)
    {
        PinEventTypes edge;
        lock (_sync)
        {
            SimGpioPin pin = GetOpenPin(pinNumber);
            if (mode is not (PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown))
            {
                throw new ArgumentException($"Simulated GPIO does not support pin mode {mode}.", nameof(mode));
            }

            PinValue before = pin.Level;
            if (latch is PinValue value)
            {
                pin.OutputLatch = value;
            }

            pin.Mode = mode;
            edge = RecordChange(pin, before);
        }

        Raise(pinNumber, edge);
    }

    private void SetExternalLevel(int pinNumber, PinValue? value)
    {
        PinEventTypes edge;
        lock (_sync)
        {
            SimGpioPin pin = GetPin(pinNumber);
            PinValue before = pin.Level;
            pin.ExternalLevel = value;
            edge = RecordChange(pin, before);
        }

        Raise(pinNumber, edge);
    }

    private void Raise(int pinNumber, PinEventTypes edge)
    {
        if (edge == PinEventTypes.None)
        {
            return;
        }

        List<PinChangeEventHandler> callbacks = [];
        List<SimGpioWaiter> released = [];
        lock (_sync)
        {
            SimGpioPin pin = _pins[pinNumber];
            foreach ((PinEventTypes types, PinChangeEventHandler callback) in pin.Callbacks)
            {
                if ((types & edge) != 0)
                {
                    callbacks.Add(callback);
                }
            }

            foreach (SimGpioWaiter waiter in pin.Waiters)
            {
                if ((waiter.Wanted & edge) != 0)
                {
                    released.Add(waiter);
                }
            }
        }

        foreach (SimGpioWaiter waiter in released)
        {
            waiter.Completion.TrySetResult(edge);
        }

        var args = new PinValueChangedEventArgs(edge, pinNumber);
        foreach (PinChangeEventHandler callback in callbacks)
        {
            callback(this, args);
        }
    }

    private SimGpioWaiter AddWaiter(int pinNumber, PinEventTypes eventTypes)
    {
        var waiter = new SimGpioWaiter(eventTypes);
        lock (_sync)
        {
            GetOpenPin(pinNumber).Waiters.Add(waiter);
        }

        return waiter;
    }

    private void RemoveWaiter(int pinNumber, SimGpioWaiter waiter)
    {
        lock (_sync)
        {
            _pins[pinNumber].Waiters.Remove(waiter);
        }
    }

    private SimGpioPin GetPin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pins.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(pinNumber), pinNumber, $"The simulated GPIO chip has pins 0 to {_pins.Length - 1}.");
        }

        return _pins[pinNumber];
    }

    private SimGpioPin GetOpenPin(int pinNumber)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SimGpioPin pin = GetPin(pinNumber);
        if (!pin.IsOpen)
        {
            throw new InvalidOperationException($"GPIO pin {pinNumber} is not open; open it before using it.");
        }

        return pin;
    }
}
