using System.Globalization;
using NLog;

namespace FlightSw.Core.Events;

/// <summary>
/// Where every event goes: written through NLog with its structured arguments and kept in a
/// bounded ring for downlink. When the ring is full the oldest event is overwritten and counted.
/// </summary>
public sealed class EventLog
{
    /// <summary>Default ring size: the last 1,024 events.</summary>
    public const int DefaultCapacity = 1024;

    private readonly TimeProvider _time;
    private readonly EventRecord?[] _ring;
    private readonly long[] _countBySeverity = new long[Enum.GetValues<EventSeverity>().Length];
    private readonly Lock _gate = new();
    private int _next;
    private ulong _sequence;

    /// <summary>Creates an event log on <paramref name="time"/>.</summary>
    /// <param name="time">The board clock that timestamps events.</param>
    /// <param name="capacity">Ring size; <see cref="DefaultCapacity"/> by default.</param>
    public EventLog(TimeProvider time, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _time = time;
        _ring = new EventRecord?[capacity];
    }

    /// <summary>Raised after each event is recorded, on the thread that raised it.</summary>
    public event Action<EventRecord>? Emitted;

    /// <summary>Events raised since boot.</summary>
    public long TotalEmitted => (long)_sequence;

    /// <summary>Events overwritten in the ring before anyone read them out.</summary>
    public long Overwritten { get; private set; }

    /// <summary>Events raised since boot with severity <paramref name="severity"/>.</summary>
    public long CountOf(EventSeverity severity) => Interlocked.Read(ref _countBySeverity[(int)severity]);

    /// <summary>The events in the ring, oldest first.</summary>
    public IReadOnlyList<EventRecord> Snapshot()
    {
        lock (_gate)
        {
            var list = new List<EventRecord>(_ring.Length);
            for (int i = 0; i < _ring.Length; i++)
            {
                var record = _ring[(_next + i) % _ring.Length];
                if (record is not null)
                {
                    list.Add(record);
                }
            }

            return list;
        }
    }

    /// <summary>
    /// Records an event. The number of <paramref name="arguments"/> must match the definition's
    /// placeholders; a mismatch is a programming error and throws <see cref="ArgumentException"/>.
    /// </summary>
    public EventRecord Emit(EventDefinition definition, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != definition.ArgumentNames.Count)
        {
            throw new ArgumentException(
                $"Event {definition.Name} takes {definition.ArgumentNames.Count} arguments ({string.Join(", ", definition.ArgumentNames)}), got {arguments.Length}.",
                nameof(arguments));
        }

        var named = new KeyValuePair<string, object?>[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            named[i] = new(definition.ArgumentNames[i], arguments[i]);
        }

        var now = _time.GetUtcNow();
        EventRecord record;
        lock (_gate)
        {
            record = new EventRecord(++_sequence, now, definition.Id, definition.Name, definition.Severity, definition.Component, named, Render(definition.Template, named));
            if (_ring[_next] is not null)
            {
                Overwritten++;
            }

            _ring[_next] = record;
            _next = (_next + 1) % _ring.Length;
            _countBySeverity[(int)definition.Severity]++;
        }

        WriteToLog(definition, record, arguments);
        Emitted?.Invoke(record);
        return record;
    }

    private void WriteToLog(EventDefinition definition, EventRecord record, object?[] arguments)
    {
        // NLog caches loggers by name.
        var logger = LogManager.GetLogger("FlightSw." + (record.Component.Length == 0 ? "Node" : record.Component));
        var level = ToLogLevel(definition.Severity);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var info = LogEventInfo.Create(level, logger.Name, CultureInfo.InvariantCulture, definition.Template, arguments);
        info.TimeStamp = record.Time.UtcDateTime; // board time, so logs of a simulated run are reproducible
        info.Properties["eventId"] = definition.Id;
        info.Properties["eventName"] = definition.Name;
        info.Properties["sequence"] = record.Sequence;
        logger.Log(info);
    }

    private static LogLevel ToLogLevel(EventSeverity severity) => severity switch
    {
        EventSeverity.Diagnostic => LogLevel.Debug,
        EventSeverity.ActivityLow => LogLevel.Info,
        EventSeverity.ActivityHigh => LogLevel.Info,
        EventSeverity.WarningLow => LogLevel.Warn,
        EventSeverity.WarningHigh => LogLevel.Warn,
        _ => LogLevel.Fatal,
    };

    private static string Render(string template, KeyValuePair<string, object?>[] arguments)
    {
        if (arguments.Length == 0)
        {
            return template;
        }

        // One pass over the template, the n-th placeholder taking the n-th argument, so that an
        // argument's text (which may come from the ground) is never taken for a placeholder.
        int next = 0;
        return EventDefinition.Placeholder().Replace(template, _ => Format(arguments[next++].Value));
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        float f => f.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
