using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using FlightSw.Core.Commands;
using FlightSw.Core.Telemetry;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// Writes a <see cref="LinkDictionary"/> as one XTCE 1.2 <c>SpaceSystem</c> named after the node.
/// The output is deterministic: the same dictionary gives the same bytes (UTF-8 without BOM,
/// two-space indent, <c>\n</c> line ends, invariant culture), which is what
/// <see cref="LinkDictionary.Sha256"/> hashes.
/// </summary>
/// <remarks>
/// <para>Layout (XTCE has no element for ids, opcodes, components or events, so
/// <c>AncillaryData</c> carries them; a reader that ignores it still gets valid XTCE):</para>
/// <list type="bullet">
/// <item><c>SpaceSystem/AncillaryDataSet</c>: <c>flightsw.format</c> = 1.</item>
/// <item><c>TelemetryMetaData/ParameterTypeSet</c>: one type per channel, named
/// <c>CHANNEL_Type</c>: Boolean (8-bit unsigned), Integer (32/64-bit, twosComplement or unsigned),
/// Float (IEEE754_1985, 32/64-bit) or Enumerated (32-bit twosComplement with the labels), each
/// big-endian with its <c>UnitSet</c>: the encodings of a housekeeping report TM(3,25).</item>
/// <item><c>TelemetryMetaData/ParameterSet</c>: one <c>Parameter</c> per channel, description as
/// <c>shortDescription</c>, id and component as <c>flightsw.id</c> and <c>flightsw.component</c>.</item>
/// <item><c>TelemetryMetaData/ContainerSet</c>: one <c>SequenceContainer</c> per event, named after
/// it, with an empty entry list (an event report TM(5,x) is self-describing: it carries its own
/// name and tagged arguments) and ancillary data <c>flightsw.kind</c> = event, <c>flightsw.id</c>,
/// <c>flightsw.component</c>, <c>flightsw.severity</c>, <c>flightsw.template</c> and one
/// <c>flightsw.argument</c> per argument name, in order.</item>
/// <item><c>CommandMetaData/ArgumentTypeSet</c>: one type per argument (Boolean, Integer, Float,
/// String or Enumerated), with its <c>ValidRangeSet</c>, <c>SizeRangeInCharacters</c> or
/// <c>EnumerationList</c>; every argument travels as ASCII text with an 8-bit length prefix
/// (TC 8,1), hence a <c>StringDataEncoding</c> whose <c>Variable</c> size has an 8-bit
/// <c>LeadingSize</c> (the <c>DynamicValue</c> XTCE requires there names <c>_yamcs_ignore</c>,
/// YAMCS's convention for "the leading size gives the size").</item>
/// <item><c>CommandMetaData/MetaCommandSet</c>: one <c>MetaCommand</c> per command, opcode and
/// component as <c>flightsw.opcode</c> and <c>flightsw.component</c>, its <c>ArgumentList</c>, and
/// a <c>CommandContainer</c> laying out the TC(8,1) application data: fixed entries for the name
/// length, the name and the argument count, then each argument.</item>
/// </list>
/// </remarks>
public static partial class XtceWriter
{
    /// <summary>Writes <paramref name="dictionary"/> to <paramref name="output"/>, which stays open.</summary>
    /// <exception cref="ArgumentException">A name XTCE cannot carry (empty, or with a space, '.', '/', ':', '[' or ']'), or a command name that is not 1 to 255 ASCII characters.</exception>
    public static void Write(LinkDictionary dictionary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(output);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(output, settings);
        WriteDocument(dictionary, xml);
    }

    /// <summary>The document as bytes (what <see cref="Write"/> writes).</summary>
    public static byte[] ToBytes(LinkDictionary dictionary)
    {
        using var buffer = new MemoryStream();
        Write(dictionary, buffer);
        return buffer.ToArray();
    }

    /// <summary>The document as text.</summary>
    public static string ToXml(LinkDictionary dictionary) => Encoding.UTF8.GetString(ToBytes(dictionary));

    private static void WriteDocument(LinkDictionary dictionary, XmlWriter xml)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("SpaceSystem", XtceVocabulary.NamespaceUri);
        xml.WriteAttributeString("name", CheckName(dictionary.NodeName, "node name"));
        xml.WriteAttributeString("shortDescription", $"FlightSw node {dictionary.NodeName}: commands, telemetry and events");
        WriteAncillary(xml, (XtceVocabulary.Format, XtceVocabulary.FormatVersion));

        if (dictionary.Channels.Count > 0 || dictionary.Events.Count > 0)
        {
            xml.WriteStartElement("TelemetryMetaData");
            WriteTelemetry(dictionary, xml);
            xml.WriteEndElement();
        }

        if (dictionary.Commands.Count > 0)
        {
            xml.WriteStartElement("CommandMetaData");
            WriteCommands(dictionary, xml);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteTelemetry(LinkDictionary dictionary, XmlWriter xml)
    {
        if (dictionary.Channels.Count > 0)
        {
            var typeNames = new UniqueNames();
            var typeOf = dictionary.Channels.ToDictionary(c => c.Id, c => typeNames.Take(CheckName(c.Name, "channel name") + "_Type"));

            xml.WriteStartElement("ParameterTypeSet");
            foreach (var channel in dictionary.Channels)
            {
                WriteParameterType(channel, typeOf[channel.Id], xml);
            }

            xml.WriteEndElement();

            xml.WriteStartElement("ParameterSet");
            foreach (var channel in dictionary.Channels)
            {
                xml.WriteStartElement("Parameter");
                xml.WriteAttributeString("name", channel.Name);
                xml.WriteAttributeString("parameterTypeRef", typeOf[channel.Id]);
                WriteDescription(xml, channel.Description);
                WriteAncillary(xml, (XtceVocabulary.Id, Invariant(channel.Id)), (XtceVocabulary.Component, channel.Component));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (dictionary.Events.Count > 0)
        {
            xml.WriteStartElement("ContainerSet");
            foreach (var entry in dictionary.Events)
            {
                xml.WriteStartElement("SequenceContainer");
                xml.WriteAttributeString("name", CheckName(entry.Name, "event name"));
                xml.WriteAttributeString("shortDescription", $"Event report ({entry.Severity}): {entry.Template}");
                var ancillary = new List<(string, string)>
                {
                    (XtceVocabulary.Kind, XtceVocabulary.EventKind),
                    (XtceVocabulary.Id, Invariant(entry.Id)),
                    (XtceVocabulary.Component, entry.Component),
                    (XtceVocabulary.Severity, entry.Severity.ToString()),
                    (XtceVocabulary.Template, entry.Template),
                };
                ancillary.AddRange(entry.ArgumentNames.Select(a => (XtceVocabulary.Argument, a)));
                WriteAncillary(xml, [.. ancillary]);
                xml.WriteStartElement("EntryList");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }

    private static void WriteParameterType(ChannelEntry channel, string typeName, XmlWriter xml)
    {
        switch (channel.Type)
        {
            case TelemetryType.Boolean:
                xml.WriteStartElement("BooleanParameterType");
                xml.WriteAttributeString("name", typeName);
                xml.WriteAttributeString("oneStringValue", "true");
                xml.WriteAttributeString("zeroStringValue", "false");
                WriteUnitSet(xml, channel.Unit);
                WriteIntegerEncoding(xml, "unsigned", 8);
                break;
            case TelemetryType.Int32 or TelemetryType.UInt32 or TelemetryType.Int64 or TelemetryType.UInt64:
                bool signed = channel.Type is TelemetryType.Int32 or TelemetryType.Int64;
                int bits = channel.Type is TelemetryType.Int32 or TelemetryType.UInt32 ? 32 : 64;
                xml.WriteStartElement("IntegerParameterType");
                xml.WriteAttributeString("name", typeName);
                xml.WriteAttributeString("signed", signed ? "true" : "false");
                xml.WriteAttributeString("sizeInBits", Invariant(bits));
                WriteUnitSet(xml, channel.Unit);
                WriteIntegerEncoding(xml, signed ? "twosComplement" : "unsigned", bits);
                break;
            case TelemetryType.Float32 or TelemetryType.Float64:
                string size = channel.Type == TelemetryType.Float32 ? "32" : "64";
                xml.WriteStartElement("FloatParameterType");
                xml.WriteAttributeString("name", typeName);
                xml.WriteAttributeString("sizeInBits", size);
                WriteUnitSet(xml, channel.Unit);
                xml.WriteStartElement("FloatDataEncoding");
                xml.WriteAttributeString("encoding", "IEEE754_1985");
                xml.WriteAttributeString("sizeInBits", size);
                xml.WriteAttributeString("byteOrder", "mostSignificantByteFirst");
                xml.WriteEndElement();
                break;
            case TelemetryType.Enumeration:
                xml.WriteStartElement("EnumeratedParameterType");
                xml.WriteAttributeString("name", typeName);
                WriteUnitSet(xml, channel.Unit);
                WriteIntegerEncoding(xml, "twosComplement", 32);
                WriteEnumerationList(xml, channel.EnumLabels);
                break;
            default:
                throw new ArgumentException($"Channel {channel.Name} has type {channel.Type}, which has no XTCE mapping.", nameof(channel));
        }

        xml.WriteEndElement();
    }

    private static void WriteCommands(LinkDictionary dictionary, XmlWriter xml)
    {
        var typeNames = new UniqueNames();
        var argumentTypes = new Dictionary<(ushort Opcode, int Index), string>();
        foreach (var command in dictionary.Commands)
        {
            CheckCommandName(command.Name);
            for (int i = 0; i < command.Arguments.Count; i++)
            {
                argumentTypes[(command.Opcode, i)] = typeNames.Take($"{command.Name}_{CheckName(command.Arguments[i].Name, $"argument name of {command.Name}")}_Type");
            }
        }

        if (argumentTypes.Count > 0)
        {
            xml.WriteStartElement("ArgumentTypeSet");
            foreach (var command in dictionary.Commands)
            {
                for (int i = 0; i < command.Arguments.Count; i++)
                {
                    WriteArgumentType(command, command.Arguments[i], argumentTypes[(command.Opcode, i)], xml);
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("MetaCommandSet");
        foreach (var command in dictionary.Commands)
        {
            xml.WriteStartElement("MetaCommand");
            xml.WriteAttributeString("name", command.Name);
            WriteDescription(xml, command.Description);
            WriteAncillary(xml, (XtceVocabulary.Opcode, Invariant(command.Opcode)), (XtceVocabulary.Component, command.Component));
            if (command.Arguments.Count > 0)
            {
                xml.WriteStartElement("ArgumentList");
                for (int i = 0; i < command.Arguments.Count; i++)
                {
                    xml.WriteStartElement("Argument");
                    xml.WriteAttributeString("name", command.Arguments[i].Name);
                    xml.WriteAttributeString("argumentTypeRef", argumentTypes[(command.Opcode, i)]);
                    WriteDescription(xml, command.Arguments[i].Description);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            WriteCommandContainer(command, xml);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCommandContainer(CommandEntry command, XmlWriter xml)
    {
        byte[] name = Encoding.ASCII.GetBytes(command.Name);
        xml.WriteStartElement("CommandContainer");
        xml.WriteAttributeString("name", command.Name);
        xml.WriteStartElement("EntryList");
        WriteFixedValue(xml, "NameLength", [checked((byte)name.Length)]);
        WriteFixedValue(xml, "Name", name);
        WriteFixedValue(xml, "ArgumentCount", [checked((byte)command.Arguments.Count)]);
        foreach (var argument in command.Arguments)
        {
            xml.WriteStartElement("ArgumentRefEntry");
            xml.WriteAttributeString("argumentRef", argument.Name);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteFixedValue(XmlWriter xml, string name, byte[] value)
    {
        xml.WriteStartElement("FixedValueEntry");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("binaryValue", Convert.ToHexString(value));
        xml.WriteAttributeString("sizeInBits", Invariant(value.Length * 8));
        xml.WriteEndElement();
    }

    private static void WriteArgumentType(CommandEntry command, ArgumentEntry argument, string typeName, XmlWriter xml)
    {
        switch (argument.Type)
        {
            case CommandArgumentType.Boolean:
                xml.WriteStartElement("BooleanArgumentType");
                xml.WriteAttributeString("name", typeName);
                xml.WriteAttributeString("oneStringValue", "true");
                xml.WriteAttributeString("zeroStringValue", "false");
                WriteUnitSet(xml, "");
                WriteTextEncoding(xml, XtceVocabulary.MaxWireString);
                break;
            case CommandArgumentType.Int32 or CommandArgumentType.UInt32 or CommandArgumentType.Int64:
                xml.WriteStartElement("IntegerArgumentType");
                xml.WriteAttributeString("name", typeName);
                xml.WriteAttributeString("signed", argument.Type == CommandArgumentType.UInt32 ? "false" : "true");
                xml.WriteAttributeString("sizeInBits", argument.Type == CommandArgumentType.Int64 ? "64" : "32");
                WriteUnitSet(xml, "");
                WriteTextEncoding(xml, XtceVocabulary.MaxWireString);
                WriteValidRange(xml, argument.Min is double min ? IntegerBound(command, argument, min) : null, argument.Max is double max ? IntegerBound(command, argument, max) : null);
                break;
            case CommandArgumentType.Float64:
                xml.WriteStartElement("FloatArgumentType");
                xml.WriteAttributeString("name", typeName);
                xml.WriteAttributeString("sizeInBits", "64");
                WriteUnitSet(xml, "");
                WriteTextEncoding(xml, XtceVocabulary.MaxWireString);
                WriteValidRange(xml, argument.Min?.ToString("R", CultureInfo.InvariantCulture), argument.Max?.ToString("R", CultureInfo.InvariantCulture));
                break;
            case CommandArgumentType.String:
                int maxLength = argument.MaxLength ?? CommandArgumentDefinition.DefaultMaxLength;
                xml.WriteStartElement("StringArgumentType");
                xml.WriteAttributeString("name", typeName);
                WriteUnitSet(xml, "");
                WriteTextEncoding(xml, Math.Min(maxLength, XtceVocabulary.MaxWireString));
                xml.WriteStartElement("SizeRangeInCharacters");
                xml.WriteAttributeString("minInclusive", "0");
                xml.WriteAttributeString("maxInclusive", Invariant(maxLength));
                xml.WriteEndElement();
                break;
            case CommandArgumentType.Enumeration:
                xml.WriteStartElement("EnumeratedArgumentType");
                xml.WriteAttributeString("name", typeName);
                WriteUnitSet(xml, "");
                WriteTextEncoding(xml, Math.Min(XtceVocabulary.MaxWireString, argument.EnumNames.Select(n => n.Length).DefaultIfEmpty(1).Max()));
                WriteEnumerationList(xml, argument.EnumNames.Select((n, i) => new KeyValuePair<string, int>(n, i)).ToArray());
                break;
            default:
                throw new ArgumentException($"Argument {argument.Name} of {command.Name} has type {argument.Type}, which has no XTCE mapping.", nameof(argument));
        }

        xml.WriteEndElement();
    }

    private static void WriteTextEncoding(XmlWriter xml, int maxCharacters)
    {
        xml.WriteStartElement("StringDataEncoding");
        xml.WriteAttributeString("encoding", "US-ASCII");
        xml.WriteStartElement("Variable");
        xml.WriteAttributeString("maxSizeInBits", Invariant(XtceVocabulary.SizeTagBits + (8 * maxCharacters)));
        xml.WriteStartElement("DynamicValue");
        xml.WriteStartElement("ParameterInstanceRef");
        xml.WriteAttributeString("parameterRef", XtceVocabulary.IgnoredSizeParameter);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("LeadingSize");
        xml.WriteAttributeString("sizeInBitsOfSizeTag", Invariant(XtceVocabulary.SizeTagBits));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteValidRange(XmlWriter xml, string? min, string? max)
    {
        if (min is null && max is null)
        {
            return;
        }

        xml.WriteStartElement("ValidRangeSet");
        xml.WriteStartElement("ValidRange");
        if (min is not null)
        {
            xml.WriteAttributeString("minInclusive", min);
        }

        if (max is not null)
        {
            xml.WriteAttributeString("maxInclusive", max);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string IntegerBound(CommandEntry command, ArgumentEntry argument, double bound)
    {
        // XTCE integer ranges are xs:long: a bound must be whole and within it.
        if (bound != Math.Floor(bound) || bound < -9.2233720368547758E18 || bound >= 9.2233720368547758E18)
        {
            throw new ArgumentException($"Argument {argument.Name} of {command.Name} has the bound {bound.ToString("R", CultureInfo.InvariantCulture)}, which is not a 64-bit whole number.", nameof(argument));
        }

        return Invariant((long)bound);
    }

    private static void WriteEnumerationList(XmlWriter xml, IReadOnlyList<KeyValuePair<string, int>> labels)
    {
        xml.WriteStartElement("EnumerationList");
        foreach (var label in labels)
        {
            xml.WriteStartElement("Enumeration");
            xml.WriteAttributeString("value", Invariant(label.Value));
            xml.WriteAttributeString("label", label.Key);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteIntegerEncoding(XmlWriter xml, string encoding, int bits)
    {
        xml.WriteStartElement("IntegerDataEncoding");
        xml.WriteAttributeString("encoding", encoding);
        xml.WriteAttributeString("sizeInBits", Invariant(bits));
        xml.WriteAttributeString("byteOrder", "mostSignificantByteFirst");
        xml.WriteEndElement();
    }

    private static void WriteUnitSet(XmlWriter xml, string unit)
    {
        xml.WriteStartElement("UnitSet");
        if (unit.Length > 0)
        {
            xml.WriteElementString("Unit", XtceVocabulary.NamespaceUri, unit);
        }

        xml.WriteEndElement();
    }

    private static void WriteDescription(XmlWriter xml, string description)
    {
        if (description.Length > 0)
        {
            xml.WriteAttributeString("shortDescription", description);
        }
    }

    private static void WriteAncillary(XmlWriter xml, params (string Name, string Value)[] data)
    {
        xml.WriteStartElement("AncillaryDataSet");
        foreach (var (name, value) in data)
        {
            xml.WriteStartElement("AncillaryData");
            xml.WriteAttributeString("name", name);
            xml.WriteString(value);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string CheckName(string name, string what)
    {
        if (!XtceName().IsMatch(name))
        {
            throw new ArgumentException($"The {what} '{name}' cannot be an XTCE name: it must be non-empty, without spaces, '.', '/', ':', '[' or ']'.");
        }

        return name;
    }

    private static void CheckCommandName(string name)
    {
        CheckName(name, "command name");
        if (name.Length > XtceVocabulary.MaxWireString || name.Any(c => c > '~' || c < '!'))
        {
            throw new ArgumentException($"The command name '{name}' cannot travel in TC(8,1): it must be 1 to {XtceVocabulary.MaxWireString} printable ASCII characters.");
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[^./:\[\] ]+$")]
    private static partial Regex XtceName();

    /// <summary>Hands out type names, suffixing a repeat with _2, _3 ... so each stays unique.</summary>
    private sealed class UniqueNames
    {
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

        public string Take(string wanted)
        {
            string name = wanted;
            for (int n = 2; !_taken.Add(name); n++)
            {
                name = $"{wanted}_{n}";
            }

            return name;
        }
    }
}
