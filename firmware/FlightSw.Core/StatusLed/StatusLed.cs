using System.Device.Gpio;
using FlightSw.Core.Components;
using FlightSw.Core.Modes;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.StatusLed;

/// <summary>
/// Shows the mode on the board's status LED, so an engineer at the bench sees the node is
/// alive: steady on while booting, a 1 Hz blink in NOMINAL, a 5 Hz blink in SAFE. Runs in the
/// 10 Hz group; a blink that stops means the executive stopped.
/// </summary>
public sealed class StatusLed : Component
{
    /// <summary>Id base of the status LED.</summary>
    public const ushort ComponentIdBase = 0x1100;

    private readonly TelemetryChannel<bool> _lit;
    private readonly TelemetryChannel<uint> _toggles;
    private int _pin = -1;
    private bool _state;

    /// <summary>Creates the status LED component.</summary>
    public StatusLed()
        : base("led", ComponentIdBase)
    {
        // The LED shows the mode, SAFE included; a stuck LED is no reason to reset the node.
        IsEssential = true;
        IsCritical = false;
        _lit = DeclareChannel<bool>(0, "LED_LIT", "", "Whether the status LED is on");
        _toggles = DeclareChannel<uint>(1, "LED_TOGGLES", "", "Status LED changes since boot");
    }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        _pin = Context.Board.Definition.Gpio.StatusLedPin;
        Context.Board.Gpio.OpenPin(_pin, PinMode.Output, PinValue.High);
        _state = true;
        _lit.Write(true);
        _toggles.Write(0);
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        var gpio = Context.Board.Gpio;
        if (_pin >= 0 && gpio.IsPinOpen(_pin))
        {
            gpio.Write(_pin, PinValue.Low);
            gpio.ClosePin(_pin);
        }
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        bool lit = Context.Modes.Current switch
        {
            FlightMode.Nominal => cycle.Index % 10 < 5,
            FlightMode.Safe => cycle.Index % 2 == 0,
            _ => true,
        };

        if (lit != _state)
        {
            _state = lit;
            Context.Board.Gpio.Write(_pin, lit ? PinValue.High : PinValue.Low);
            _toggles.Write(_toggles.Value + 1);
        }

        _lit.Write(lit);
    }
}
