using System.Text;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Storage;

namespace FlightSw.Core.Parameters;

/// <summary>
/// Keeps every component's parameters: loads them from the persistent store at boot (a record
/// with no sound copy, or whose value fails its bounds, is refused with an event and the default
/// is used), and sets, reads and resets them by command, storing each change before
/// acknowledging it. Each parameter is a <see cref="DurableRecordStore"/> record
/// <c>prm.NAME</c>, so a change cut short by a power loss leaves the previous value; a refused
/// copy beside a sound one is reported (PRM_COPY_REFUSED) and rewritten from the sound one.
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
    private readonly EventDefinition _copyRefused;
    private readonly Telemetry.TelemetryChannel<uint> _updates;
    private DurableRecordStore? _records;

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
        _copyRefused = DeclareEvent(5, "PRM_COPY_REFUSED", EventSeverity.WarningLow, "Stored {name}: copy refused ({reason}); loaded {value} from the other copy");

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
        int loaded = 0;
        foreach (var parameter in _byName.Values)
        {
            if (TryLoad(parameter))
            {
                loaded++;
            }
        }

        Emit(_loaded, loaded, _byName.Values.Count(p => p.IsDefault));
    }

    private DurableRecordStore Records => _records ??= new DurableRecordStore(Context.Board.PersistentStore);

    private bool TryLoad(Parameter parameter)
    {
        var read = Records.Read(RecordPrefix + parameter.Name);
        if (!read.Found)
        {
            if (read.Refused.Count > 0)
            {
                parameter.ResetToDefault();
                Emit(_storedInvalid, parameter.Name, string.Join("; ", read.Refused), parameter.DefaultText);
            }

            return false;
        }

        if (!parameter.TrySetText(Encoding.UTF8.GetString(read.Payload), out string error))
        {
            parameter.ResetToDefault();
            Emit(_storedInvalid, parameter.Name, error, parameter.DefaultText);
            return false;
        }

        foreach (string reason in read.Refused)
        {
            Emit(_copyRefused, parameter.Name, reason, parameter.ValueText);
        }

        if (read.Refused.Count > 0)
        {
            RepairCopy(parameter.Name, read.Payload);
        }

        return true;
    }

    /// <summary>Writes the loaded value again, over the refused copy, so that the record has two sound copies.</summary>
    private void RepairCopy(string name, byte[] payload)
    {
        try
        {
            Records.Write(RecordPrefix + name, payload);
        }
        catch (IOException)
        {
            // The value is loaded; the refused copy is reported and repaired at a later boot.
        }
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

        Records.Delete(RecordPrefix + parameter.Name);
        parameter.ResetToDefault();
        Emit(_reset, parameter.Name, parameter.ValueText);
        return CommandResult.Ok($"{parameter.Name} = {parameter.ValueText}");
    }

    private void Store(Parameter parameter) =>
        Records.Write(RecordPrefix + parameter.Name, Encoding.UTF8.GetBytes(parameter.ValueText));

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
