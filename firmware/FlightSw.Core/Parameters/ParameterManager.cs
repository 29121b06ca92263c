using System.Text;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Storage;
using FlightSw.Hal;

namespace FlightSw.Core.Parameters;

/// <summary>
/// Keeps every component's parameters: loads them from the persistent store at boot (a record
/// that fails its check or its bounds is refused with an event and the default is used), and
/// sets, reads and resets them by command, storing each change before acknowledging it.
/// </summary>
public sealed class ParameterManager : Component
{
    /// <summary>Id base of the parameter manager.</summary>
    public const ushort ComponentIdBase = 0x0200;

    private const string RecordPrefix = "prm.";

    private readonly Dictionary<string, Parameter> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly EventDefinition _loaded;
    private readonly EventDefinition _storedInvalid;
    private readonly EventDefinition _updated;
    private readonly EventDefinition _value;
    private readonly EventDefinition _reset;
    private readonly Telemetry.TelemetryChannel<uint> _updates;

    /// <summary>Creates the parameter manager.</summary>
    public ParameterManager()
        : base("params", ComponentIdBase)
    {
        _updates = DeclareChannel<uint>(0, "PRM_UPDATES", "", "Parameter changes accepted since boot");

        _loaded = DeclareEvent(0, "PRM_LOADED", EventSeverity.ActivityLow, "Loaded {count} stored parameters; {defaults} at default");
        _storedInvalid = DeclareEvent(1, "PRM_STORED_INVALID", EventSeverity.WarningHigh, "Stored {name} refused ({reason}); using default {value}");
        _updated = DeclareEvent(2, "PRM_UPDATED", EventSeverity.ActivityHigh, "{name} set to {value}");
        _value = DeclareEvent(3, "PRM_VALUE", EventSeverity.ActivityLow, "{name} = {value} (default {default}, range {range})");
        _reset = DeclareEvent(4, "PRM_RESET", EventSeverity.ActivityHigh, "{name} reset to default {value}");

        DeclareCommand(0, "PRM_SET", "Sets a parameter and stores it", SetCommand,
            CommandArgumentDefinition.String("name", "Parameter name"),
            CommandArgumentDefinition.String("value", "New value, invariant culture"));
        DeclareCommand(1, "PRM_GET", "Reports a parameter's value in a PRM_VALUE event", GetCommand,
            CommandArgumentDefinition.String("name", "Parameter name"));
        DeclareCommand(2, "PRM_RESET", "Restores a parameter's default and forgets the stored value", ResetCommand,
            CommandArgumentDefinition.String("name", "Parameter name"));
    }

    /// <summary>Every parameter of the node.</summary>
    public IReadOnlyCollection<Parameter> All => _byName.Values;

    /// <summary>The parameter named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Parameter? Find(string name) => _byName.GetValueOrDefault(name);

    internal void Register(Parameter parameter)
    {
        if (!_byName.TryAdd(parameter.Name, parameter))
        {
            throw new InvalidOperationException($"Parameter name {parameter.Name} of {parameter.Component} is already used by {_byName[parameter.Name].Component}.");
        }
    }

    /// <summary>Loads every stored parameter; called by the application before components start.</summary>
    internal void LoadAll()
    {
        var store = Context.Board.PersistentStore;
        int loaded = 0;
        foreach (var parameter in _byName.Values)
        {
            if (!store.TryRead(RecordPrefix + parameter.Name, out var record))
            {
                continue;
            }

            if (!CheckedRecord.TryUnwrap(record, out var payload, out string error)
                || !parameter.TrySetText(Encoding.UTF8.GetString(payload), out error))
            {
                parameter.ResetToDefault();
                Emit(_storedInvalid, parameter.Name, error, parameter.DefaultText);
                continue;
            }

            loaded++;
        }

        Emit(_loaded, loaded, _byName.Values.Count(p => p.IsDefault));
    }

    private CommandResult SetCommand(CommandArguments arguments)
    {
        if (!TryFind(arguments.GetString("name"), out var parameter, out var unknown))
        {
            return unknown;
        }

        string previous = parameter.ValueText;
        if (!parameter.TrySetText(arguments.GetString("value"), out string error))
        {
            return CommandResult.Refused(error);
        }

        try
        {
            Store(parameter);
        }
        catch (IOException ex)
        {
            parameter.TrySetText(previous, out _);
            return CommandResult.Refused($"{parameter.Name} not changed: the store failed ({ex.Message})");
        }

        _updates.Write(_updates.Value + 1);
        Emit(_updated, parameter.Name, parameter.ValueText);
        return CommandResult.Ok($"{parameter.Name} = {parameter.ValueText}");
    }

    private CommandResult GetCommand(CommandArguments arguments)
    {
        if (!TryFind(arguments.GetString("name"), out var parameter, out var unknown))
        {
            return unknown;
        }

        Emit(_value, parameter.Name, parameter.ValueText, parameter.DefaultText, parameter.RangeText);
        return CommandResult.Ok($"{parameter.Name} = {parameter.ValueText}");
    }

    private CommandResult ResetCommand(CommandArguments arguments)
    {
        if (!TryFind(arguments.GetString("name"), out var parameter, out var unknown))
        {
            return unknown;
        }

        Context.Board.PersistentStore.Delete(RecordPrefix + parameter.Name);
        parameter.ResetToDefault();
        Emit(_reset, parameter.Name, parameter.ValueText);
        return CommandResult.Ok($"{parameter.Name} = {parameter.ValueText}");
    }

    private void Store(Parameter parameter) =>
        Context.Board.PersistentStore.Write(RecordPrefix + parameter.Name, CheckedRecord.Wrap(Encoding.UTF8.GetBytes(parameter.ValueText)));

    private bool TryFind(string name, out Parameter parameter, out CommandResult unknown)
    {
        if (_byName.TryGetValue(name, out parameter!))
        {
            unknown = default;
            return true;
        }

        unknown = CommandResult.Refused($"no parameter named '{name}'; known: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}");
        return false;
    }
}
