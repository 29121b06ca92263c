namespace FlightSw.Core.Telemetry;

/// <summary>
/// A telemetry channel of value type <typeparamref name="T"/> (bool, int, uint, long, ulong,
/// float, double or an enum). Writing is cheap and allocation-free: it is done every cycle.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class TelemetryChannel<T> : TelemetryChannel
    where T : struct
{
    private T _value;

    /// <summary>Declares a channel. Throws <see cref="NotSupportedException"/> for a value type the ground cannot decode.</summary>
    public TelemetryChannel(ushort id, string name, string unit, string description)
        : base(id, name, unit, description, TypeOf())
    {
    }

    /// <summary>The latest value; default before the first write.</summary>
    public T Value => _value;

    /// <inheritdoc />
    public override object? BoxedValue => UpdateCount == 0 ? null : _value;

    /// <summary>Records a new value with the board time.</summary>
    public void Write(T value)
    {
        _value = value;
        UpdateCount++;
        LastUpdated = Clock?.GetUtcNow() ?? default;
    }

    private static TelemetryType TypeOf()
    {
        var type = typeof(T);
        if (type.IsEnum)
        {
            return TelemetryType.Enumeration;
        }

        return System.Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => TelemetryType.Boolean,
            TypeCode.Int32 => TelemetryType.Int32,
            TypeCode.UInt32 => TelemetryType.UInt32,
            TypeCode.Int64 => TelemetryType.Int64,
            TypeCode.UInt64 => TelemetryType.UInt64,
            TypeCode.Single => TelemetryType.Float32,
            TypeCode.Double => TelemetryType.Float64,
            _ => throw new NotSupportedException($"Telemetry of type {type.Name} is not supported; use bool, int, uint, long, ulong, float, double or an enum."),
        };
    }
}
