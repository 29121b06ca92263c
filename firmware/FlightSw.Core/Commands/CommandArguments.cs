namespace FlightSw.Core.Commands;

/// <summary>The validated arguments of one command, read by name and type in its handler.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, object?> _values;

    internal CommandArguments(Dictionary<string, object?> values) => _values = values;

    /// <summary>The signed 32-bit argument <paramref name="name"/>.</summary>
    public int GetInt32(string name) => Get<int>(name);

    /// <summary>The unsigned 32-bit argument <paramref name="name"/>.</summary>
    public uint GetUInt32(string name) => Get<uint>(name);

    /// <summary>The signed 64-bit argument <paramref name="name"/>.</summary>
    public long GetInt64(string name) => Get<long>(name);

    /// <summary>The double argument <paramref name="name"/>.</summary>
    public double GetDouble(string name) => Get<double>(name);

    /// <summary>The boolean argument <paramref name="name"/>.</summary>
    public bool GetBoolean(string name) => Get<bool>(name);

    /// <summary>The string argument <paramref name="name"/>.</summary>
    public string GetString(string name) => Get<string>(name);

    /// <summary>The enumeration argument <paramref name="name"/> as a value of <typeparamref name="TEnum"/>.</summary>
    public TEnum GetEnum<TEnum>(string name)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(Get<string>(name), ignoreCase: true);

    private T Get<T>(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            throw new KeyNotFoundException($"The command has no argument '{name}'.");
        }

        return value is T typed ? typed : throw new InvalidCastException($"Argument '{name}' is {value?.GetType().Name ?? "null"}, not {typeof(T).Name}.");
    }
}
