using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// Reads the XTCE 1.2 document <see cref="XtceWriter"/> writes back into an equal
/// <see cref="LinkDictionary"/>. Refuses, with an <see cref="XtceFormatException"/> naming the
/// document and the element or attribute: a document that is not XML (DTDs are refused too, as the
/// document comes over the link), a root that is not an XTCE 1.2 <c>SpaceSystem</c>, a type
/// reference that names no type, a type or encoding the dictionary has no mapping for, and missing
/// ids, opcodes, components or names.
/// </summary>
public static class XtceReader
{
    private static readonly XNamespace Ns = XtceVocabulary.Ns;

    /// <summary>Reads a dictionary from <paramref name="input"/>, which stays open.</summary>
    /// <param name="input">The XTCE document.</param>
    /// <param name="source">Where the document came from, for messages, for example a file name.</param>
    public static LinkDictionary Read(Stream input, string source)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(source);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
            using var reader = XmlReader.Create(input, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new XtceFormatException(source, $"line {ex.LineNumber}", $"not well-formed XML: {ex.Message}", ex);
        }

        return new Parser(source).Read(document);
    }

    /// <summary>Reads a dictionary from the text <paramref name="xml"/>.</summary>
    public static LinkDictionary Read(string xml, string source)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return Read(input, source);
    }

    private sealed class Parser(string source)
    {
        public LinkDictionary Read(XDocument document)
        {
            var root = document.Root ?? throw Refuse(null, "the document has no root element");
            if (root.Name != Ns + "SpaceSystem")
            {
                throw Refuse(root, $"the root element is {{{root.Name.NamespaceName}}}{root.Name.LocalName}, not an XTCE 1.2 SpaceSystem in namespace {XtceVocabulary.NamespaceUri}");
            }

            string node = Attribute(root, "name");
            var format = Ancillary(root, XtceVocabulary.Format);
            if (format.Count != 1 || format[0] != XtceVocabulary.FormatVersion)
            {
                throw Refuse(root, $"AncillaryData '{XtceVocabulary.Format}' must be {XtceVocabulary.FormatVersion} (was {(format.Count == 0 ? "missing" : string.Join(", ", format))}); this is not a FlightSw dictionary of a layout this reader knows");
            }

            var channels = new List<ChannelEntry>();
            var events = new List<EventEntry>();
            var telemetry = root.Element(Ns + "TelemetryMetaData");
            if (telemetry is not null)
            {
                var types = TypesByName(telemetry.Element(Ns + "ParameterTypeSet"));
                foreach (var parameter in Children(telemetry.Element(Ns + "ParameterSet"), "Parameter"))
                {
                    channels.Add(ReadChannel(parameter, types));
                }

                foreach (var container in Children(telemetry.Element(Ns + "ContainerSet"), "SequenceContainer"))
                {
                    if (Ancillary(container, XtceVocabulary.Kind) is [XtceVocabulary.EventKind])
                    {
                        events.Add(ReadEvent(container));
                    }
                }
            }

            var commands = new List<CommandEntry>();
            var commanding = root.Element(Ns + "CommandMetaData");
            if (commanding is not null)
            {
                var types = TypesByName(commanding.Element(Ns + "ArgumentTypeSet"));
                foreach (var metaCommand in Children(commanding.Element(Ns + "MetaCommandSet"), "MetaCommand"))
                {
                    commands.Add(ReadCommand(metaCommand, types));
                }
            }

            try
            {
                return new LinkDictionary(node, commands, channels, events);
            }
            catch (ArgumentException ex)
            {
                throw Refuse(root, ex.Message);
            }
        }

        private ChannelEntry ReadChannel(XElement parameter, Dictionary<string, XElement> types)
        {
            string name = Attribute(parameter, "name");
            var type = Resolve(parameter, "parameterTypeRef", types, "ParameterTypeSet");
            TelemetryType telemetryType;
            IReadOnlyList<KeyValuePair<string, int>> labels = [];
            switch (type.Name.LocalName)
            {
                case "BooleanParameterType":
                    ExpectIntegerEncoding(type, "unsigned", 8);
                    telemetryType = TelemetryType.Boolean;
                    break;
                case "IntegerParameterType":
                    bool signed = Boolean(type, "signed", true);
                    long bits = Integer(type, "sizeInBits", 32);
                    telemetryType = (signed, bits) switch
                    {
                        (true, 32) => TelemetryType.Int32,
                        (false, 32) => TelemetryType.UInt32,
                        (true, 64) => TelemetryType.Int64,
                        (false, 64) => TelemetryType.UInt64,
                        _ => throw Refuse(type, $"a {(signed ? "signed" : "unsigned")} {bits}-bit integer has no telemetry type (32 or 64 bits only)"),
                    };
                    ExpectIntegerEncoding(type, signed ? "twosComplement" : "unsigned", bits);
                    break;
                case "FloatParameterType":
                    long floatBits = Integer(type, "sizeInBits", 32);
                    telemetryType = floatBits switch
                    {
                        32 => TelemetryType.Float32,
                        64 => TelemetryType.Float64,
                        _ => throw Refuse(type, $"a {floatBits}-bit float has no telemetry type (32 or 64 bits only)"),
                    };
                    var encoding = Required(type, "FloatDataEncoding");
                    if (Optional(encoding, "encoding") is { } scheme && scheme is not ("IEEE754_1985" or "IEEE754"))
                    {
                        throw Refuse(encoding, $"float encoding {scheme} is not IEEE 754");
                    }

                    if (Integer(encoding, "sizeInBits", 32) != floatBits)
                    {
                        throw Refuse(encoding, $"sizeInBits must be {floatBits}, as the type's");
                    }

                    break;
                case "EnumeratedParameterType":
                    ExpectIntegerEncoding(type, "twosComplement", 32);
                    telemetryType = TelemetryType.Enumeration;
                    labels = Enumerations(type, checked32: true);
                    break;
                default:
                    throw Refuse(type, $"{type.Name.LocalName} is not a type a telemetry channel can have (Boolean, Integer, Float or Enumerated)");
            }

            return new ChannelEntry(
                Id(parameter, XtceVocabulary.Id),
                name,
                SingleAncillary(parameter, XtceVocabulary.Component),
                telemetryType,
                Unit(type),
                Optional(parameter, "shortDescription") ?? "",
                labels);
        }

        private EventEntry ReadEvent(XElement container)
        {
            string severityText = SingleAncillary(container, XtceVocabulary.Severity);
            if (!Enum.TryParse<EventSeverity>(severityText, ignoreCase: false, out var severity) || !Enum.IsDefined(severity) || !char.IsLetter(severityText[0]))
            {
                throw Refuse(container, $"AncillaryData '{XtceVocabulary.Severity}' is '{severityText}', not one of {string.Join(", ", Enum.GetNames<EventSeverity>())}");
            }

            return new EventEntry(
                Id(container, XtceVocabulary.Id),
                Attribute(container, "name"),
                SingleAncillary(container, XtceVocabulary.Component),
                severity,
                SingleAncillary(container, XtceVocabulary.Template),
                Ancillary(container, XtceVocabulary.Argument));
        }

        private CommandEntry ReadCommand(XElement metaCommand, Dictionary<string, XElement> types)
        {
            string name = Attribute(metaCommand, "name");
            var arguments = new List<ArgumentEntry>();
            foreach (var argument in Children(metaCommand.Element(Ns + "ArgumentList"), "Argument"))
            {
                arguments.Add(ReadArgument(argument, types));
            }

            CheckContainer(metaCommand, name, arguments);
            return new CommandEntry(
                Id(metaCommand, XtceVocabulary.Opcode),
                name,
                SingleAncillary(metaCommand, XtceVocabulary.Component),
                Optional(metaCommand, "shortDescription") ?? "",
                arguments);
        }

        private ArgumentEntry ReadArgument(XElement argument, Dictionary<string, XElement> types)
        {
            string name = Attribute(argument, "name");
            string description = Optional(argument, "shortDescription") ?? "";
            var type = Resolve(argument, "argumentTypeRef", types, "ArgumentTypeSet");
            ExpectTextEncoding(type);
            switch (type.Name.LocalName)
            {
                case "BooleanArgumentType":
                    return new ArgumentEntry(name, CommandArgumentType.Boolean, description, null, null, null, []);
                case "IntegerArgumentType":
                    bool signed = Boolean(type, "signed", true);
                    long bits = Integer(type, "sizeInBits", 32);
                    var integerType = (signed, bits) switch
                    {
                        (true, 32) => CommandArgumentType.Int32,
                        (false, 32) => CommandArgumentType.UInt32,
                        (true, 64) => CommandArgumentType.Int64,
                        _ => throw Refuse(type, $"a {(signed ? "signed" : "unsigned")} {bits}-bit integer has no argument type (signed 32 or 64, unsigned 32)"),
                    };
                    var (min, max) = Range(type, text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : (double?)null);
                    return new ArgumentEntry(name, integerType, description, min, max, null, []);
                case "FloatArgumentType":
                    if (Integer(type, "sizeInBits", 32) != 64)
                    {
                        throw Refuse(type, "a float argument must be 64 bits (sizeInBits=\"64\")");
                    }

                    var (floatMin, floatMax) = Range(type, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : (double?)null);
                    return new ArgumentEntry(name, CommandArgumentType.Float64, description, floatMin, floatMax, null, []);
                case "StringArgumentType":
                    var size = Required(type, "SizeRangeInCharacters");
                    long maxLength = Integer(size, "maxInclusive", null);
                    if (maxLength is < 0 or > int.MaxValue)
                    {
                        throw Refuse(size, $"@maxInclusive {maxLength} is not a length");
                    }

                    return new ArgumentEntry(name, CommandArgumentType.String, description, null, null, (int)maxLength, []);
                case "EnumeratedArgumentType":
                    return new ArgumentEntry(name, CommandArgumentType.Enumeration, description, null, null, null, Enumerations(type, checked32: false).Select(l => l.Key).ToArray());
                default:
                    throw Refuse(type, $"{type.Name.LocalName} is not a type a command argument can have (Boolean, Integer, Float, String or Enumerated)");
            }
        }

        private void CheckContainer(XElement metaCommand, string name, List<ArgumentEntry> arguments)
        {
            var container = Required(metaCommand, "CommandContainer");
            var entries = Required(container, "EntryList").Elements().Where(e => e.Name.Namespace == Ns).ToList();
            if (entries.Count != 3 + arguments.Count
                || entries.Take(3).Any(e => e.Name != Ns + "FixedValueEntry")
                || entries.Skip(3).Any(e => e.Name != Ns + "ArgumentRefEntry"))
            {
                throw Refuse(container, "the entry list must be the fixed entries NameLength, Name and ArgumentCount, then one ArgumentRefEntry per argument (the TC 8,1 layout)");
            }

            byte[] expectedName = Encoding.ASCII.GetBytes(name);
            CheckFixed(entries[0], [checked((byte)Math.Min(expectedName.Length, 255))]);
            CheckFixed(entries[1], expectedName);
            CheckFixed(entries[2], [checked((byte)Math.Min(arguments.Count, 255))]);
            for (int i = 0; i < arguments.Count; i++)
            {
                if (Attribute(entries[3 + i], "argumentRef") != arguments[i].Name)
                {
                    throw Refuse(entries[3 + i], $"argumentRef must be '{arguments[i].Name}', argument {i + 1} of the ArgumentList");
                }
            }
        }

        private void CheckFixed(XElement entry, byte[] expected)
        {
            string hex = Attribute(entry, "binaryValue");
            if (!hex.Equals(Convert.ToHexString(expected), StringComparison.OrdinalIgnoreCase) || Integer(entry, "sizeInBits", null) != expected.Length * 8)
            {
                throw Refuse(entry, $"must hold {Convert.ToHexString(expected)} in {expected.Length * 8} bits (was {hex} in {Optional(entry, "sizeInBits")})");
            }
        }

        private void ExpectIntegerEncoding(XElement type, string encoding, long bits)
        {
            var element = Required(type, "IntegerDataEncoding");
            string actual = Optional(element, "encoding") ?? "unsigned";
            if (actual != encoding || Integer(element, "sizeInBits", 8) != bits)
            {
                throw Refuse(element, $"must be {encoding} in {bits} bits, as the housekeeping report carries it (was {actual} in {Optional(element, "sizeInBits") ?? "8"})");
            }

            if ((Optional(element, "byteOrder") ?? "mostSignificantByteFirst") != "mostSignificantByteFirst")
            {
                throw Refuse(element, "byteOrder must be mostSignificantByteFirst: the link is big-endian");
            }
        }

        private void ExpectTextEncoding(XElement type)
        {
            var encoding = Required(type, "StringDataEncoding");
            var leading = encoding.Descendants(Ns + "LeadingSize").FirstOrDefault()
                ?? throw Refuse(encoding, $"a command argument travels as text with an {XtceVocabulary.SizeTagBits}-bit length prefix (TC 8,1): LeadingSize is missing");
            if (Integer(leading, "sizeInBitsOfSizeTag", 16) != XtceVocabulary.SizeTagBits)
            {
                throw Refuse(leading, $"sizeInBitsOfSizeTag must be {XtceVocabulary.SizeTagBits}, as TC(8,1) carries it");
            }
        }

        private (double? Min, double? Max) Range(XElement type, Func<string, double?> parse)
        {
            var range = type.Element(Ns + "ValidRangeSet")?.Element(Ns + "ValidRange");
            if (range is null)
            {
                return (null, null);
            }

            double? Bound(string attribute)
            {
                if (Optional(range, attribute) is not { } text)
                {
                    return null;
                }

                return parse(text) is double value
                    ? value
                    : throw Refuse(range, $"@{attribute} '{text}' is not a number");
            }

            return (Bound("minInclusive"), Bound("maxInclusive"));
        }

        private KeyValuePair<string, int>[] Enumerations(XElement type, bool checked32)
        {
            var list = Required(type, "EnumerationList");
            return Children(list, "Enumeration").Select(e =>
            {
                long value = Integer(e, "value", null);
                if (checked32 && value is < int.MinValue or > int.MaxValue)
                {
                    throw Refuse(e, $"value {value} does not fit the 32-bit value the link carries");
                }

                return new KeyValuePair<string, int>(Attribute(e, "label"), checked32 ? (int)value : 0);
            }).ToArray();
        }

        private string Unit(XElement type)
        {
            var units = Children(type.Element(Ns + "UnitSet"), "Unit").ToList();
            return units.Count switch
            {
                0 => "",
                1 => units[0].Value,
                _ => throw Refuse(type.Element(Ns + "UnitSet"), "a channel has one unit at most"),
            };
        }

        private XElement Resolve(XElement user, string attribute, Dictionary<string, XElement> types, string set)
        {
            string reference = Attribute(user, attribute);
            return types.TryGetValue(reference, out var type)
                ? type
                : throw Refuse(user, $"@{attribute} '{reference}' names no type in the {set}");
        }

        private Dictionary<string, XElement> TypesByName(XElement? set)
        {
            var types = new Dictionary<string, XElement>(StringComparer.Ordinal);
            if (set is null)
            {
                return types;
            }

            foreach (var type in set.Elements().Where(e => e.Name.Namespace == Ns))
            {
                if (!types.TryAdd(Attribute(type, "name"), type))
                {
                    throw Refuse(type, "a type of this name is already defined");
                }
            }

            return types;
        }

        private ushort Id(XElement element, string name)
        {
            string text = SingleAncillary(element, name);
            return ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ushort id)
                ? id
                : throw Refuse(element, $"AncillaryData '{name}' is '{text}', not a whole number from 0 to 65535");
        }

        private string SingleAncillary(XElement element, string name)
        {
            var values = Ancillary(element, name);
            return values.Count == 1
                ? values[0]
                : throw Refuse(element, $"needs exactly one AncillaryData named '{name}' (found {values.Count})");
        }

        private static List<string> Ancillary(XElement element, string name) =>
            Children(element.Element(Ns + "AncillaryDataSet"), "AncillaryData")
                .Where(a => (string?)a.Attribute("name") == name)
                .Select(a => a.Value)
                .ToList();

        private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
            parent?.Elements(Ns + localName) ?? [];

        private XElement Required(XElement parent, string localName) =>
            parent.Element(Ns + localName) ?? throw Refuse(parent, $"the {localName} element is missing");

        private string Attribute(XElement element, string name) =>
            Optional(element, name) ?? throw Refuse(element, $"the {name} attribute is missing");

        private static string? Optional(XElement element, string name) => (string?)element.Attribute(name);

        private long Integer(XElement element, string name, long? defaultValue)
        {
            string? text = Optional(element, name);
            if (text is null)
            {
                return defaultValue ?? throw Refuse(element, $"the {name} attribute is missing");
            }

            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
                ? value
                : throw Refuse(element, $"@{name} '{text}' is not a whole number");
        }

        private bool Boolean(XElement element, string name, bool defaultValue) =>
            Optional(element, name) switch
            {
                null => defaultValue,
                "true" or "1" => true,
                "false" or "0" => false,
                var other => throw Refuse(element, $"@{name} '{other}' is not true or false"),
            };

        private XtceFormatException Refuse(XElement? element, string reason) =>
            new(source, element is null ? "document" : Path(element), reason);

        private static string Path(XElement element)
        {
            var steps = element.AncestorsAndSelf().Reverse().Select(e =>
                (string?)e.Attribute("name") is { } name && e.Parent is not null ? $"{e.Name.LocalName}[{name}]" : e.Name.LocalName);
            string path = string.Join("/", steps);
            return element is IXmlLineInfo info && info.HasLineInfo() ? $"{path} (line {info.LineNumber})" : path;
        }
    }
}
