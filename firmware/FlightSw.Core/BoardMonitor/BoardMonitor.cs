using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.BoardMonitor;

/// <summary>
/// Reads the board's supply (power monitor) and temperature every cycle into telemetry, and
/// warns when the current or the temperature passes its limit (parameters), once on the way
/// in and once on the way out. A sensor that stops answering is reported, not fatal. When a
/// power manager sheds load it reads less often: every <see cref="PowerManager.CadenceDivisor"/>
/// cycles (the latch-up guard keeps its own fast watch on the current).
/// </summary>
public sealed class BoardMonitor : Component
{
    /// <summary>Id base of the board monitor.</summary>
    public const ushort ComponentIdBase = 0x1000;

    private readonly TelemetryChannel<double> _busVolts;
    private readonly TelemetryChannel<double> _currentAmps;
    private readonly TelemetryChannel<double> _powerWatts;
    private readonly TelemetryChannel<double> _temperature;
    private readonly TelemetryChannel<uint> _readErrors;
    private readonly EventDefinition _overcurrent;
    private readonly EventDefinition _overtemperature;
    private readonly EventDefinition _limitCleared;
    private readonly EventDefinition _sensorFailed;
    private readonly Parameter<double> _currentLimit;
    private readonly Parameter<double> _temperatureLimit;
    private bool _overcurrentActive;
    private bool _overtemperatureActive;
    private bool _powerSensorFailed;
    private bool _temperatureSensorFailed;
    private PowerManager? _power;

    /// <summary>Creates the board monitor.</summary>
    public BoardMonitor()
        : base("board", ComponentIdBase)
    {
        IsEssential = true; // power sensing and load shedding keep the node alive in SAFE
        _busVolts = DeclareChannel<double>(0, "BRD_BUS_V", "V", "Supply bus voltage");
        _currentAmps = DeclareChannel<double>(1, "BRD_CURRENT_A", "A", "Supply current");
        _powerWatts = DeclareChannel<double>(2, "BRD_POWER_W", "W", "Supply power");
        _temperature = DeclareChannel<double>(3, "BRD_TEMP_C", "degC", "Board temperature");
        _readErrors = DeclareChannel<uint>(4, "BRD_READ_ERRORS", "", "Sensor reads that failed since boot");

        _overcurrent = DeclareEvent(0, "BRD_OVERCURRENT", EventSeverity.WarningHigh, "Supply current {amps} A above limit {limit} A");
        _overtemperature = DeclareEvent(1, "BRD_OVERTEMP", EventSeverity.WarningHigh, "Board temperature {celsius} C above limit {limit} C");
        _limitCleared = DeclareEvent(2, "BRD_LIMIT_CLEARED", EventSeverity.ActivityLow, "{quantity} back within its limit");
        _sensorFailed = DeclareEvent(3, "BRD_SENSOR_FAILED", EventSeverity.WarningLow, "{sensor} did not answer");

        _currentLimit = DeclareParameter(0, "BRD_OVERCURRENT_A", 2.5, 0.05, 10.0, "A", "Supply current above which an overcurrent is reported");
        _temperatureLimit = DeclareParameter(1, "BRD_OVERTEMP_C", 85.0, -40.0, 125.0, "degC", "Board temperature above which an overtemperature is reported");
    }

    /// <inheritdoc />
    protected override void OnStart() => _power = Context.Components.GetValueOrDefault(PowerManager.ComponentName) as PowerManager;

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        if (cycle.Index % (_power?.CadenceDivisor ?? 1) != 0)
        {
            return;
        }

        var board = Context.Board;
        if (board.PowerMonitor.TryRead(out var power))
        {
            _powerSensorFailed = false;
            _busVolts.Write(power.BusVolts);
            _currentAmps.Write(power.CurrentAmps);
            _powerWatts.Write(power.PowerWatts);
            Check(ref _overcurrentActive, power.CurrentAmps > _currentLimit.Value, _overcurrent, power.CurrentAmps, _currentLimit.Value, "supply current");
        }
        else
        {
            SensorFailed(ref _powerSensorFailed, "power monitor");
        }

        if (board.TemperatureSensor.TryReadCelsius(out double celsius))
        {
            _temperatureSensorFailed = false;
            _temperature.Write(celsius);
            Check(ref _overtemperatureActive, celsius > _temperatureLimit.Value, _overtemperature, celsius, _temperatureLimit.Value, "board temperature");
        }
        else
        {
            SensorFailed(ref _temperatureSensorFailed, "temperature sensor");
        }
    }

    private void Check(ref bool active, bool exceeded, EventDefinition warning, double value, double limit, string quantity)
    {
        if (exceeded && !active)
        {
            Emit(warning, value, limit);
        }
        else if (!exceeded && active)
        {
            Emit(_limitCleared, quantity);
        }

        active = exceeded;
    }

    private void SensorFailed(ref bool alreadyReported, string sensor)
    {
        _readErrors.Write(_readErrors.Value + 1);
        if (!alreadyReported)
        {
            alreadyReported = true;
            Emit(_sensorFailed, sensor);
        }
    }
}
