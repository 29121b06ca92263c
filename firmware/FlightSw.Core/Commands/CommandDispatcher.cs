using System.Collections.Concurrent;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Commands;

/// <summary>
/// Receives commands from any thread into a bounded queue and carries them out on the flight
/// thread, one cycle of its rate group at a time, so handlers never race the scheduler. Every
/// command is acknowledged; an unknown, malformed or refused command is rejected with an event
/// and never throws out of the dispatcher.
/// </summary>
public sealed class CommandDispatcher : Component
{
    /// <summary>Id base of the dispatcher.</summary>
    public const ushort ComponentIdBase = 0x0400;

    /// <summary>Default queue size: 32 commands waiting.</summary>
    public const int DefaultQueueCapacity = 32;

    private readonly ConcurrentQueue<(CommandRequest Request, Action<CommandResponse>? Reply)> _queue = new();
    private readonly Dictionary<string, CommandDefinition> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ushort, CommandDefinition> _byOpcode = [];
    private readonly int _capacity;
    private readonly TelemetryChannel<uint> _completed;
    private readonly TelemetryChannel<uint> _rejected;
    private readonly EventDefinition _completedEvent;
    private readonly EventDefinition _rejectedEvent;
    private readonly EventDefinition _failedEvent;

    /// <summary>Creates the dispatcher with a queue of <paramref name="queueCapacity"/> commands.</summary>
    public CommandDispatcher(int queueCapacity = DefaultQueueCapacity)
        : base("commands", ComponentIdBase)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueCapacity);
        _capacity = queueCapacity;

        _completed = DeclareChannel<uint>(0, "CMD_COMPLETED", "", "Commands completed since boot");
        _rejected = DeclareChannel<uint>(1, "CMD_REJECTED", "", "Commands rejected or failed since boot");

        _completedEvent = DeclareEvent(0, "CMD_COMPLETED", EventSeverity.ActivityLow, "{command} completed: {message}");
        _rejectedEvent = DeclareEvent(1, "CMD_REJECTED", EventSeverity.WarningLow, "{command} rejected ({status}): {reason}");
        _failedEvent = DeclareEvent(2, "CMD_FAILED", EventSeverity.WarningHigh, "{command} failed: {error}");

        DeclareCommand(0, "CMD_NOOP", "Does nothing; proves the node accepts commands", _ => CommandResult.Ok("no-op"));
    }

    /// <summary>Every command of the node, by name.</summary>
    public IReadOnlyCollection<CommandDefinition> All => _byName.Values;

    /// <summary>Commands waiting for the next cycle.</summary>
    public int Pending => _queue.Count;

    /// <summary>The command named <paramref name="name"/> (case-insensitive), or null.</summary>
    public CommandDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The command with opcode <paramref name="opcode"/>, or null.</summary>
    public CommandDefinition? Find(ushort opcode) => _byOpcode.GetValueOrDefault(opcode);

    /// <summary>
    /// Queues a command from any thread; <paramref name="reply"/> is called on the flight thread
    /// with its acknowledgement. A full queue answers <see cref="CommandStatus.QueueFull"/> at once.
    /// </summary>
    public void Submit(CommandRequest request, Action<CommandResponse>? reply = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_queue.Count >= _capacity)
        {
            // Rejected (counted and evented) whether or not the caller listens for the answer.
            var rejected = Reject(request.Command ?? "", CommandStatus.QueueFull, $"the command queue holds {_capacity} commands already");
            reply?.Invoke(rejected);
            return;
        }

        _queue.Enqueue((request, reply));
    }

    /// <summary>Carries out a command now, on the calling thread, which must be the flight thread.</summary>
    public CommandResponse Execute(CommandRequest request)
    {
        if (request?.Command is null || request.Arguments is null)
        {
            return Reject("", CommandStatus.InvalidArguments, "empty request");
        }

        if (!_byName.TryGetValue(request.Command, out var definition))
        {
            return Reject(request.Command, CommandStatus.UnknownCommand, $"no command named '{Clip(request.Command)}'");
        }

        if (Context.Components.TryGetValue(definition.Component, out var owner) && owner.State is ComponentState.Skipped or ComponentState.Disabled)
        {
            return Reject(definition.Name, CommandStatus.Rejected, owner.State == ComponentState.Skipped
                ? $"component {owner.Name} is not running in this SAFE boot (essential components only)"
                : $"component {owner.Name} was disabled by the health monitor in this boot");
        }

        if (request.Arguments.Count != definition.Arguments.Count)
        {
            return Reject(definition.Name, CommandStatus.InvalidArguments,
                $"takes {definition.Arguments.Count} arguments ({string.Join(", ", definition.Arguments.Select(a => a.Name))}), got {request.Arguments.Count}");
        }

        var values = new Dictionary<string, object?>(definition.Arguments.Count, StringComparer.Ordinal);
        for (int i = 0; i < definition.Arguments.Count; i++)
        {
            var argument = definition.Arguments[i];
            if (!argument.TryParse(request.Arguments[i], out var value, out string error))
            {
                return Reject(definition.Name, CommandStatus.InvalidArguments, error);
            }

            values[argument.Name] = value;
        }

        CommandResult result;
        try
        {
            result = definition.Handler(new CommandArguments(values));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _rejected.Write(_rejected.Value + 1);
            Emit(_failedEvent, definition.Name, $"{ex.GetType().Name}: {ex.Message}");
            return new CommandResponse(definition.Name, CommandStatus.Failed, ex.Message);
        }

        if (!result.Succeeded)
        {
            return Reject(definition.Name, CommandStatus.Rejected, result.Message);
        }

        _completed.Write(_completed.Value + 1);
        Emit(_completedEvent, definition.Name, result.Message);
        return new CommandResponse(definition.Name, CommandStatus.Completed, result.Message);
    }

    internal void Register(CommandDefinition definition)
    {
        if (_byOpcode.TryGetValue(definition.Opcode, out var sameOpcode))
        {
            throw new InvalidOperationException($"Opcode 0x{definition.Opcode:X4} of {definition.Component}.{definition.Name} is already used by {sameOpcode.Component}.{sameOpcode.Name}.");
        }

        if (!_byName.TryAdd(definition.Name, definition))
        {
            throw new InvalidOperationException($"Command name {definition.Name} of {definition.Component} is already used by {_byName[definition.Name].Component}.");
        }

        _byOpcode.Add(definition.Opcode, definition);
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        // Only what was queued before this cycle began, so a flood cannot starve the rate group.
        for (int i = _queue.Count; i > 0 && _queue.TryDequeue(out var item); i--)
        {
            var response = Execute(item.Request);
            item.Reply?.Invoke(response);
        }
    }

    private CommandResponse Reject(string command, CommandStatus status, string reason)
    {
        _rejected.Write(_rejected.Value + 1);
        Emit(_rejectedEvent, Clip(command), status, reason);
        return new CommandResponse(command, status, reason);
    }

    private static string Clip(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
