using System.Globalization;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>
/// The application data of a housekeeping report, TM(3,25): u16 sample count, then per sample
/// u16 channel id, u8 <see cref="TelemetryType"/>, u64 update count, 6-byte CUC time, and the
/// value unless the update count is 0: Boolean u8, Int32 i32, UInt32 u32, Int64 i64, UInt64 u64,
/// Float32 f32, Float64 f64, Enumeration i32 (the member's numeric value).
/// </summary>
public static class HousekeepingCodec
{
    /// <summary>Most application data bytes per report; a longer set of samples is cut into several reports.</summary>
    public const int MaxReportBytes = 1024;

    private const int SampleHeaderBytes = 2 + 1 + 8 + CucTime.Length;

    /// <summary>
    /// The application data of the reports carrying <paramref name="samples"/>, in order, each at
    /// most <see cref="MaxReportBytes"/> bytes. <paramref name="typeOf"/> gives each channel's type;
    /// a value is converted to it (a boxed enumeration to its numeric value).
    /// </summary>
    /// <exception cref="InvalidCastException">A value cannot be converted to its channel's type.</exception>
    public static IReadOnlyList<byte[]> Encode(IEnumerable<TelemetrySample> samples, Func<ushort, TelemetryType> typeOf)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(typeOf);
        var reports = new List<byte[]>();
        var writer = new LinkDataWriter(MaxReportBytes);
        int count = 0;
        foreach (var sample in samples)
        {
            var type = typeOf(sample.Id);
            int size = SampleHeaderBytes + (sample.UpdateCount > 0 ? ValueBytes(type) : 0);
            if (count > 0 && 2 + writer.Length + size > MaxReportBytes)
            {
                reports.Add(Finish(writer, count));
                writer = new LinkDataWriter(MaxReportBytes);
                count = 0;
            }

            writer.WriteUInt16(sample.Id);
            writer.WriteByte((byte)type);
            writer.WriteUInt64(sample.UpdateCount > 0 ? (ulong)sample.UpdateCount : 0);
            writer.WriteTime(sample.Time);
            if (sample.UpdateCount > 0)
            {
                WriteValue(writer, type, sample.Value);
            }

            count++;
        }

        if (count > 0)
        {
            reports.Add(Finish(writer, count));
        }

        return reports;
    }

    /// <summary>The samples in one report's application data.</summary>
    /// <exception cref="LinkFormatException">The data is not a well-formed report; the message says what is wrong.</exception>
    public static IReadOnlyList<HousekeepingSample> Decode(ReadOnlySpan<byte> applicationData)
    {
        var reader = new LinkDataReader(applicationData, "housekeeping report");
        int count = reader.ReadUInt16("sample count");
        var samples = new List<HousekeepingSample>(Math.Min(count, applicationData.Length / SampleHeaderBytes));
        for (int index = 0; index < count && !reader.Failed; index++)
        {
            ushort id = reader.ReadUInt16($"channel id of sample {index}");
            byte typeCode = reader.ReadByte($"type of channel {id}");
            ulong updates = reader.ReadUInt64($"update count of channel {id}");
            var time = reader.ReadTime($"time of channel {id}");
            if (reader.Failed)
            {
                break;
            }

            if (typeCode > (byte)TelemetryType.Enumeration)
            {
                reader.Fail($"channel {id} has type {typeCode}, which is not a telemetry type (0 to {(int)TelemetryType.Enumeration})");
                break;
            }

            if (updates > long.MaxValue)
            {
                reader.Fail($"channel {id} has update count {updates}, above {long.MaxValue}");
                break;
            }

            var type = (TelemetryType)typeCode;
            object? value = updates > 0 ? ReadValue(ref reader, type, $"value of channel {id}") : null;
            samples.Add(new HousekeepingSample(id, type, (long)updates, time, value));
        }

        reader.ExpectEnd();
        reader.ThrowIfFailed();
        return samples;
    }

    private static byte[] Finish(LinkDataWriter samples, int count)
    {
        var report = new byte[2 + samples.Length];
        report[0] = (byte)(count >> 8);
        report[1] = unchecked((byte)count);
        samples.ToArray().CopyTo(report, 2);
        return report;
    }

    private static int ValueBytes(TelemetryType type) => type switch
    {
        TelemetryType.Boolean => 1,
        TelemetryType.Int32 or TelemetryType.UInt32 or TelemetryType.Float32 or TelemetryType.Enumeration => 4,
        TelemetryType.Int64 or TelemetryType.UInt64 or TelemetryType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a telemetry type."),
    };

    private static void WriteValue(LinkDataWriter writer, TelemetryType type, object? value)
    {
        var culture = CultureInfo.InvariantCulture;
        switch (type)
        {
            case TelemetryType.Boolean:
                writer.WriteByte(value is not null && Convert.ToBoolean(value, culture) ? (byte)1 : (byte)0);
                break;
            case TelemetryType.Int32:
            case TelemetryType.Enumeration:
                writer.WriteInt32(value is null ? 0 : Convert.ToInt32(value, culture));
                break;
            case TelemetryType.UInt32:
                writer.WriteUInt32(value is null ? 0 : Convert.ToUInt32(value, culture));
                break;
            case TelemetryType.Int64:
                writer.WriteInt64(value is null ? 0 : Convert.ToInt64(value, culture));
                break;
            case TelemetryType.UInt64:
                writer.WriteUInt64(value is null ? 0 : Convert.ToUInt64(value, culture));
                break;
            case TelemetryType.Float32:
                writer.WriteSingle(value is null ? 0 : Convert.ToSingle(value, culture));
                break;
            case TelemetryType.Float64:
                writer.WriteDouble(value is null ? 0 : Convert.ToDouble(value, culture));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not a telemetry type.");
        }
    }

    private static object? ReadValue(ref LinkDataReader reader, TelemetryType type, string what) => type switch
    {
        TelemetryType.Boolean => reader.ReadByte(what) != 0,
        TelemetryType.Int32 or TelemetryType.Enumeration => reader.ReadInt32(what),
        TelemetryType.UInt32 => reader.ReadUInt32(what),
        TelemetryType.Int64 => reader.ReadInt64(what),
        TelemetryType.UInt64 => reader.ReadUInt64(what),
        TelemetryType.Float32 => reader.ReadSingle(what),
        TelemetryType.Float64 => reader.ReadDouble(what),
        _ => null,
    };
}
