using System.Globalization;
using FlightSw.Core.Events;

namespace FlightSw.Link.Messages;

/// <summary>
/// The application data of an event report, TM(5,1..4): u16 event id, u64 event sequence,
/// u8 <see cref="EventSeverity"/>, name and component (u8 length + ASCII), u8 argument count,
/// per argument its name (u8 length + ASCII), a <see cref="LinkValueTag"/> and the value, then
/// the message (u16 length + UTF-8). The time is the secondary header's.
/// </summary>
/// <remarks>
/// Names are cut to 255 characters and characters outside ASCII become '?'; strings longer than
/// 1,024 UTF-8 bytes are cut at a character boundary; at most 255 arguments are sent. Values other
/// than the tagged types are sent as their invariant-culture text.
/// </remarks>
public static class EventReportCodec
{
    private const string Message = "event report";

    /// <summary>The subtype reporting <paramref name="severity"/>: 1 informative (diagnostic, activity), 2 low (warning low), 3 medium (warning high), 4 high (fatal).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined severity.</exception>
    public static byte SubtypeFor(EventSeverity severity) => severity switch
    {
        EventSeverity.Diagnostic or EventSeverity.ActivityLow or EventSeverity.ActivityHigh => LinkServices.InformativeEvent,
        EventSeverity.WarningLow => LinkServices.LowSeverityEvent,
        EventSeverity.WarningHigh => LinkServices.MediumSeverityEvent,
        EventSeverity.Fatal => LinkServices.HighSeverityEvent,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not an event severity."),
    };

    /// <summary>The application data reporting <paramref name="record"/>.</summary>
    public static byte[] Encode(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var writer = new LinkDataWriter(64 + record.Message.Length);
        writer.WriteUInt16(record.Id);
        writer.WriteUInt64(record.Sequence);
        writer.WriteByte((byte)record.Severity);
        writer.WriteAscii8Lenient(record.Name);
        writer.WriteAscii8Lenient(record.Component);
        int count = Math.Min(record.Arguments.Count, byte.MaxValue);
        writer.WriteByte((byte)count);
        for (int index = 0; index < count; index++)
        {
            var (name, value) = record.Arguments[index];
            writer.WriteAscii8Lenient(name ?? "");
            WriteValue(writer, value);
        }

        writer.WriteUtf8_16(record.Message);
        return writer.ToArray();
    }

    /// <summary>The event reported by <paramref name="applicationData"/>, raised at <paramref name="time"/> (the secondary header's).</summary>
    /// <exception cref="LinkFormatException">The data is not a well-formed event report; the message says what is wrong.</exception>
    public static EventRecord Decode(ReadOnlySpan<byte> applicationData, DateTimeOffset time)
    {
        var reader = new LinkDataReader(applicationData, Message);
        ushort id = reader.ReadUInt16("event id");
        ulong sequence = reader.ReadUInt64("event sequence");
        byte severity = reader.ReadByte("severity");
        if (!reader.Failed && severity > (byte)EventSeverity.Fatal)
        {
            reader.Fail($"severity {severity} is not an event severity (0 to {(int)EventSeverity.Fatal})");
        }

        string name = reader.ReadAscii8("event name");
        string component = reader.ReadAscii8("component");
        int count = reader.ReadByte("argument count");
        var arguments = new List<KeyValuePair<string, object?>>(count);
        for (int index = 0; index < count && !reader.Failed; index++)
        {
            string argument = reader.ReadAscii8($"name of argument {index}");
            object? value = ReadValue(ref reader, argument);
            arguments.Add(KeyValuePair.Create(argument, value));
        }

        string message = reader.ReadUtf8_16("message");
        reader.ExpectEnd();
        reader.ThrowIfFailed();
        return new EventRecord(sequence, time, id, name, (EventSeverity)severity, component, arguments, message);
    }

    private static void WriteValue(LinkDataWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteByte((byte)LinkValueTag.Null);
                break;
            case bool flag:
                writer.WriteByte((byte)LinkValueTag.Boolean);
                writer.WriteByte(flag ? (byte)1 : (byte)0);
                break;
            case int or short or sbyte:
                writer.WriteByte((byte)LinkValueTag.Int32);
                writer.WriteInt32(Convert.ToInt32(value, CultureInfo.InvariantCulture));
                break;
            case uint or ushort or byte:
                writer.WriteByte((byte)LinkValueTag.UInt32);
                writer.WriteUInt32(Convert.ToUInt32(value, CultureInfo.InvariantCulture));
                break;
            case long number:
                writer.WriteByte((byte)LinkValueTag.Int64);
                writer.WriteInt64(number);
                break;
            case ulong number:
                writer.WriteByte((byte)LinkValueTag.UInt64);
                writer.WriteUInt64(number);
                break;
            case float number:
                writer.WriteByte((byte)LinkValueTag.Float32);
                writer.WriteSingle(number);
                break;
            case double number:
                writer.WriteByte((byte)LinkValueTag.Float64);
                writer.WriteDouble(number);
                break;
            case string text:
                writer.WriteByte((byte)LinkValueTag.String);
                writer.WriteUtf8_16(text);
                break;
            case Enum member:
                writer.WriteByte((byte)LinkValueTag.Enumeration);
                writer.WriteUtf8_16(member.ToString());
                break;
            default:
                writer.WriteByte((byte)LinkValueTag.String);
                writer.WriteUtf8_16(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static object? ReadValue(ref LinkDataReader reader, string argument)
    {
        byte tag = reader.ReadByte($"tag of argument '{argument}'");
        if (reader.Failed)
        {
            return null;
        }

        string what = $"value of argument '{argument}'";
        switch ((LinkValueTag)tag)
        {
            case LinkValueTag.Null:
                return null;
            case LinkValueTag.Boolean:
                return reader.ReadByte(what) != 0;
            case LinkValueTag.Int32:
                return reader.ReadInt32(what);
            case LinkValueTag.UInt32:
                return reader.ReadUInt32(what);
            case LinkValueTag.Int64:
                return reader.ReadInt64(what);
            case LinkValueTag.UInt64:
                return reader.ReadUInt64(what);
            case LinkValueTag.Float32:
                return reader.ReadSingle(what);
            case LinkValueTag.Float64:
                return reader.ReadDouble(what);
            case LinkValueTag.String:
            case LinkValueTag.Enumeration:
                return reader.ReadUtf8_16(what);
            default:
                reader.Fail($"argument '{argument}' has type tag {tag}, which is not a value tag (0 to {(int)LinkValueTag.Enumeration})");
                return null;
        }
    }
}
