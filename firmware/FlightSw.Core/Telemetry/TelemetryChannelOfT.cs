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

    /// <summary>
    /// Declares a channel. Throws <see cref="NotSupportedException"/> for a value type the ground
    /// cannot decode, including an enum with a member outside the 32-bit signed range.
    /// </summary>
    public TelemetryChannel(ushort id, string name, string unit, string description)
        : base(id, name, unit, description, TypeOf(), LabelsOf())
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

    private static KeyValuePair<string, int>[] LabelsOf()
    {
        var type = typeof(T);
        if (!type.IsEnum)
        {
            return [];
        }

        // GetNames and GetValues list the members in the same order (by value), aliases included.
        string[] names = Enum.GetNames(type);
        var values = Enum.GetValues(type);
        bool unsigned = System.Type.GetTypeCode(Enum.GetUnderlyingType(type)) == TypeCode.UInt64;
        var labels = new KeyValuePair<string, int>[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            object member = values.GetValue(i)!;
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            bool fits = unsigned
                ? Convert.ToUInt64(member, culture) <= int.MaxValue
                : Convert.ToInt64(member, culture) is >= int.MinValue and <= int.MaxValue;
            if (!fits)
            {
                throw new NotSupportedException($"Telemetry of type {type.Name} is not supported: member {names[i]} does not fit the 32-bit signed value the link carries.");
            }

            labels[i] = new KeyValuePair<string, int>(names[i], unsigned ? (int)Convert.ToUInt64(member, culture) : (int)Convert.ToInt64(member, culture));
        }

        return labels;
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
