using System.Text;
using System.Xml.Linq;
using FlightSw.Core.Commands;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Messages;

namespace FlightSw.Link.Tests.Dictionary;

public class XtceWriterTests
{
    private static readonly XNamespace Xtce = "http://www.omg.org/spec/XTCE/20180204";

    // Child order the XTCE 1.2 schema prescribes for the elements this writer emits (sequence
    // order of NameDescriptionType, BaseDataType / ArgumentBaseDataType and their extensions).
    private static readonly Dictionary<string, string[]> ChildOrder = new()
    {
        ["SpaceSystem"] = ["LongDescription", "AliasSet", "AncillaryDataSet", "Header", "TelemetryMetaData", "CommandMetaData", "ServiceSet", "SpaceSystem"],
        ["TelemetryMetaData"] = ["ParameterTypeSet", "ParameterSet", "ContainerSet", "MessageSet", "StreamSet", "AlgorithmSet"],
        ["CommandMetaData"] = ["ParameterTypeSet", "ParameterSet", "ArgumentTypeSet", "MetaCommandSet", "CommandContainerSet", "StreamSet", "AlgorithmSet"],
        ["Type"] = ["LongDescription", "AliasSet", "AncillaryDataSet", "UnitSet", "BinaryDataEncoding", "FloatDataEncoding", "IntegerDataEncoding", "StringDataEncoding", "ToString", "ValidRange", "ValidRangeSet", "SizeRangeInCharacters", "EnumerationList", "DefaultAlarm", "ContextAlarmList"],
        ["Parameter"] = ["LongDescription", "AliasSet", "AncillaryDataSet", "ParameterProperties"],
        ["SequenceContainer"] = ["LongDescription", "AliasSet", "AncillaryDataSet", "DefaultRateInStream", "RateInStreamSet", "BinaryEncoding", "EntryList", "BaseContainer"],
        ["MetaCommand"] = ["LongDescription", "AliasSet", "AncillaryDataSet", "BaseMetaCommand", "SystemName", "ArgumentList", "CommandContainer", "TransmissionConstraintList", "DefaultSignificance", "ContextSignificanceList", "Interlock", "VerifierSet", "ParameterToSetList", "ParametersToSuspendAlarmsOnSet"],
        ["CommandContainer"] = ["LongDescription", "AliasSet", "AncillaryDataSet", "DefaultRateInStream", "RateInStreamSet", "BinaryEncoding", "EntryList", "BaseContainer"],
        ["Variable"] = ["DynamicValue", "DiscreteLookupList", "LeadingSize", "TerminationChar"],
    };

    private static IEnumerable<TestCaseData> Dictionaries()
    {
        yield return new TestCaseData(DictionaryFixtures.FromApplication()).SetArgDisplayNames("application");
        yield return new TestCaseData(DictionaryFixtures.HandBuilt()).SetArgDisplayNames("hand-built");
        yield return new TestCaseData(new LinkDictionary("empty", [], [], [])).SetArgDisplayNames("empty");
    }

    [TestCaseSource(nameof(Dictionaries))]
    public void Write_AnyDictionary_RootIsANamedSpaceSystemInTheXtce12Namespace(LinkDictionary dictionary)
    {
        var root = XDocument.Parse(XtceWriter.ToXml(dictionary)).Root!;

        Assert.That(root.Name, Is.EqualTo(Xtce + "SpaceSystem"));
        Assert.That((string?)root.Attribute("name"), Is.EqualTo(dictionary.NodeName));
        Assert.That(root.DescendantsAndSelf().Select(e => e.Name.Namespace).Distinct(), Is.EqualTo(new[] { Xtce }), "every element is XTCE");
    }

    [TestCaseSource(nameof(Dictionaries))]
    public void Write_AnyDictionary_EveryTypeAndArgumentReferenceResolves(LinkDictionary dictionary)
    {
        var root = XDocument.Parse(XtceWriter.ToXml(dictionary)).Root!;
        var parameterTypes = NamesIn(root.Element(Xtce + "TelemetryMetaData")?.Element(Xtce + "ParameterTypeSet"));
        var argumentTypes = NamesIn(root.Element(Xtce + "CommandMetaData")?.Element(Xtce + "ArgumentTypeSet"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameterTypes, Is.Unique);
            Assert.That(argumentTypes, Is.Unique);
            foreach (var parameter in root.Descendants(Xtce + "Parameter"))
            {
                Assert.That(parameterTypes, Does.Contain((string?)parameter.Attribute("parameterTypeRef")), (string?)parameter.Attribute("name"));
            }

            foreach (var argument in root.Descendants(Xtce + "Argument"))
            {
                Assert.That(argumentTypes, Does.Contain((string?)argument.Attribute("argumentTypeRef")), (string?)argument.Attribute("name"));
            }

            foreach (var command in root.Descendants(Xtce + "MetaCommand"))
            {
                var arguments = command.Descendants(Xtce + "Argument").Select(a => (string?)a.Attribute("name")).ToList();
                var referenced = command.Descendants(Xtce + "ArgumentRefEntry").Select(a => (string?)a.Attribute("argumentRef")).ToList();
                Assert.That(referenced, Is.EqualTo(arguments), $"{command.Attribute("name")}: the container places every argument, in order");
            }

            Assert.That(parameterTypes, Has.Count.EqualTo(dictionary.Channels.Count), "one type per channel");
            Assert.That(argumentTypes, Has.Count.EqualTo(dictionary.Commands.Sum(c => c.Arguments.Count)), "one type per argument");
        }
    }

    [TestCaseSource(nameof(Dictionaries))]
    public void Write_AnyDictionary_ChildrenInSchemaOrderAndNoEmptySets(LinkDictionary dictionary)
    {
        var root = XDocument.Parse(XtceWriter.ToXml(dictionary)).Root!;

        foreach (var element in root.DescendantsAndSelf())
        {
            string kind = element.Name.LocalName.EndsWith("Type", StringComparison.Ordinal) && element.Parent?.Name.LocalName.EndsWith("TypeSet", StringComparison.Ordinal) == true
                ? "Type"
                : element.Name.LocalName;
            if (ChildOrder.TryGetValue(kind, out var order))
            {
                var positions = element.Elements().Select(c => Array.IndexOf(order, c.Name.LocalName)).ToList();
                Assert.That(positions, Has.None.EqualTo(-1).And.Ordered.Ascending, $"children of {element.Name.LocalName} {element.Attribute("name")}: {string.Join(", ", element.Elements().Select(c => c.Name.LocalName))}");
            }

            if (element.Name.LocalName is "ParameterTypeSet" or "ParameterSet" or "ContainerSet" or "ArgumentTypeSet" or "MetaCommandSet" or "ArgumentList" or "AncillaryDataSet")
            {
                Assert.That(element.HasElements, Is.True, $"{element.Name.LocalName} needs at least one child");
            }
        }
    }

    [Test]
    public void Write_SameDictionaryTwiceAndAnEqualOne_SameBytes()
    {
        var dictionary = DictionaryFixtures.FromApplication();

        byte[] first = XtceWriter.ToBytes(dictionary);

        Assert.That(XtceWriter.ToBytes(dictionary), Is.EqualTo(first));
        Assert.That(XtceWriter.ToBytes(DictionaryFixtures.FromApplication()), Is.EqualTo(first));
    }

    [Test]
    public void Write_UnderAnotherCulture_SameBytes()
    {
        var dictionary = DictionaryFixtures.FromApplication();
        byte[] invariant = XtceWriter.ToBytes(dictionary);
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.That(XtceWriter.ToBytes(dictionary), Is.EqualTo(invariant));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Test]
    public void Write_Output_Utf8WithoutBomAndUnixLineEnds()
    {
        byte[] bytes = XtceWriter.ToBytes(DictionaryFixtures.FromApplication());
        string text = Encoding.UTF8.GetString(bytes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(text, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<SpaceSystem"));
            Assert.That(text, Does.Not.Contain("\r"));
            Assert.That(text, Does.Contain("\n  <TelemetryMetaData>\n"), "two-space indent");
        }
    }

    [Test]
    public void Write_Stream_LeftOpen()
    {
        using var stream = new MemoryStream();

        XtceWriter.Write(DictionaryFixtures.HandBuilt(), stream);

        Assert.That(stream.CanWrite, Is.True);
        Assert.That(stream.Length, Is.GreaterThan(0));
    }

    [TestCase("PROBE_FLAG", "BooleanParameterType", "unsigned", "8")]
    [TestCase("PROBE_I32", "IntegerParameterType", "twosComplement", "32")]
    [TestCase("PROBE_U32", "IntegerParameterType", "unsigned", "32")]
    [TestCase("PROBE_I64", "IntegerParameterType", "twosComplement", "64")]
    [TestCase("PROBE_U64", "IntegerParameterType", "unsigned", "64")]
    [TestCase("PROBE_F32", "FloatParameterType", "IEEE754_1985", "32")]
    [TestCase("PROBE_F64", "FloatParameterType", "IEEE754_1985", "64")]
    [TestCase("PROBE_VALVE", "EnumeratedParameterType", "twosComplement", "32")]
    public void Write_Channel_TypedAndEncodedAsTheHousekeepingReportCarriesIt(string channel, string typeElement, string encoding, string bits)
    {
        var type = ParameterTypeOf(XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!, channel);
        var dataEncoding = type.Elements().Single(e => e.Name.LocalName.EndsWith("DataEncoding", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(type.Name.LocalName, Is.EqualTo(typeElement));
            Assert.That((string?)dataEncoding.Attribute("encoding"), Is.EqualTo(encoding));
            Assert.That((string?)dataEncoding.Attribute("sizeInBits"), Is.EqualTo(bits));
            Assert.That((string?)dataEncoding.Attribute("byteOrder"), Is.EqualTo("mostSignificantByteFirst"));
        }
    }

    [Test]
    public void Write_EnumChannel_ListsEveryLabelWithItsValue()
    {
        var type = ParameterTypeOf(XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!, "PROBE_VALVE");

        var labels = type.Element(Xtce + "EnumerationList")!.Elements(Xtce + "Enumeration").Select(e => $"{e.Attribute("label")!.Value}={e.Attribute("value")!.Value}");

        Assert.That(labels, Is.EqualTo(new[] { "Closed=0", "Open=7", "Stuck=-1" }));
    }

    [Test]
    public void Write_ChannelWithUnit_UnitSetHoldsIt()
    {
        var type = ParameterTypeOf(XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!, "PROBE_F64");

        Assert.That(type.Element(Xtce + "UnitSet")!.Elements(Xtce + "Unit").Select(u => u.Value), Is.EqualTo(new[] { "m/s^2" }));
    }

    [Test]
    public void Write_EveryArgument_TravelsAsTextWithAnEightBitLeadingSize()
    {
        var root = XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!;
        var types = root.Element(Xtce + "CommandMetaData")!.Element(Xtce + "ArgumentTypeSet")!.Elements().ToList();

        Assert.That(types.Select(t => t.Name.LocalName).Distinct(), Is.EquivalentTo(new[] { "BooleanArgumentType", "IntegerArgumentType", "FloatArgumentType", "StringArgumentType", "EnumeratedArgumentType" }));
        foreach (var type in types)
        {
            var encoding = type.Element(Xtce + "StringDataEncoding");
            Assert.That(encoding, Is.Not.Null, (string?)type.Attribute("name"));
            Assert.That((string?)encoding!.Attribute("encoding"), Is.EqualTo("US-ASCII"));
            Assert.That((string?)encoding.Element(Xtce + "Variable")?.Element(Xtce + "LeadingSize")?.Attribute("sizeInBitsOfSizeTag"), Is.EqualTo("8"), (string?)type.Attribute("name"));
        }
    }

    [Test]
    public void Write_BoundedArguments_CarryTheirValidRangeAndLength()
    {
        var root = XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RangeOf(ArgumentTypeOf(root, "PROBE_ALL", "count")), Is.EqualTo("-5..5"));
            Assert.That(RangeOf(ArgumentTypeOf(root, "PROBE_ALL", "word")), Is.EqualTo("1..4000000000"));
            Assert.That(RangeOf(ArgumentTypeOf(root, "PROBE_ALL", "gain")), Is.EqualTo("-1.5..2.25"));
            Assert.That(RangeOf(ArgumentTypeOf(root, "PROBE_DEFAULTS", "c")), Is.EqualTo("-1.7976931348623157E+308..1.7976931348623157E+308"));
            Assert.That((string?)ArgumentTypeOf(root, "PROBE_ALL", "text").Element(Xtce + "SizeRangeInCharacters")?.Attribute("maxInclusive"), Is.EqualTo("12"));
            Assert.That(ArgumentTypeOf(root, "PROBE_ALL", "valve").Element(Xtce + "EnumerationList")!.Elements().Select(e => (string?)e.Attribute("label")), Is.EqualTo(new[] { "Closed", "Open", "Stuck" }));
        }
    }

    [Test]
    public void Write_Command_ContainerDescribesTheBytesTheFlightCommandCodecSends()
    {
        var root = XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!;
        var command = root.Descendants(Xtce + "MetaCommand").Single(c => (string?)c.Attribute("name") == "PROBE_ALL");
        string[] values = ["true", "-3", "7", "0.5", "hello world", "Open"];

        var described = new List<byte>();
        int next = 0;
        foreach (var entry in command.Element(Xtce + "CommandContainer")!.Element(Xtce + "EntryList")!.Elements())
        {
            if (entry.Name.LocalName == "FixedValueEntry")
            {
                described.AddRange(Convert.FromHexString(entry.Attribute("binaryValue")!.Value));
            }
            else
            {
                // An argument: 8-bit leading size, then the ASCII text.
                string value = values[next++];
                described.Add((byte)value.Length);
                described.AddRange(Encoding.ASCII.GetBytes(value));
            }
        }

        Assert.That(described, Is.EqualTo(FlightCommandCodec.Encode(CommandRequest.Of("PROBE_ALL", values))));
    }

    [Test]
    public void Write_Descriptions_KeptVerbatimOrLeftOutWhenEmpty()
    {
        var root = XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!;

        var f32 = root.Descendants(Xtce + "Parameter").Single(p => (string?)p.Attribute("name") == "PROBE_F32");
        var noop = root.Descendants(Xtce + "MetaCommand").Single(c => (string?)c.Attribute("name") == "PROBE_NOOP");

        Assert.That((string?)f32.Attribute("shortDescription"), Is.EqualTo("Single <precision> & \"quotes\""));
        Assert.That(noop.Attribute("shortDescription"), Is.Null);
    }

    [Test]
    public void Write_IdsAndComponents_InAncillaryData()
    {
        var root = XDocument.Parse(XtceWriter.ToXml(DictionaryFixtures.FromApplication())).Root!;
        var valve = root.Descendants(Xtce + "Parameter").Single(p => (string?)p.Attribute("name") == "PROBE_VALVE");
        var fatal = root.Descendants(Xtce + "SequenceContainer").Single(p => (string?)p.Attribute("name") == "PROBE_FATAL");

        Assert.That(Ancillary(valve), Is.EqualTo(new[] { "flightsw.id=8199", "flightsw.component=probe" }));
        Assert.That(Ancillary(fatal), Is.EqualTo(new[]
        {
            "flightsw.kind=event", "flightsw.id=8197", "flightsw.component=probe", "flightsw.severity=Fatal",
            "flightsw.template=fatal: {why}\nline two", "flightsw.argument=why",
        }));
    }

    [TestCase("A B")]
    [TestCase("A.B")]
    [TestCase("A/B")]
    [TestCase("A[0]")]
    public void Write_ChannelNameXtceCannotCarry_ThrowsNamingIt(string name)
    {
        var dictionary = new LinkDictionary("n", [], [new ChannelEntry(1, name, "c", TelemetryType.Int32, "", "", [])], []);

        Assert.That(() => XtceWriter.ToBytes(dictionary), Throws.ArgumentException.With.Message.Contains($"'{name}'"));
    }

    [Test]
    public void Write_NonAsciiCommandName_Throws()
    {
        var dictionary = new LinkDictionary("n", [new CommandEntry(1, "RÉGLER", "c", "", [])], [], []);

        Assert.That(() => XtceWriter.ToBytes(dictionary), Throws.ArgumentException.With.Message.Contains("RÉGLER"));
    }

    [Test]
    public void Write_ArgumentTypeNamesThatWouldCollide_MadeUnique()
    {
        CommandEntry[] commands =
        [
            new(1, "A_B", "c", "", [new ArgumentEntry("C", CommandArgumentType.Boolean, "", null, null, null, [])]),
            new(2, "A", "c", "", [new ArgumentEntry("B_C", CommandArgumentType.Boolean, "", null, null, null, [])]),
        ];
        var root = XDocument.Parse(XtceWriter.ToXml(new LinkDictionary("n", commands, [], []))).Root!;

        Assert.That(root.Descendants(Xtce + "Argument").Select(a => (string?)a.Attribute("argumentTypeRef")), Is.EqualTo(new[] { "A_B_C_Type", "A_B_C_Type_2" }));
    }

    private static List<string?> NamesIn(XElement? set) => set?.Elements().Select(e => (string?)e.Attribute("name")).ToList() ?? [];

    private static XElement ParameterTypeOf(XElement root, string channel)
    {
        var parameter = root.Descendants(Xtce + "Parameter").Single(p => (string?)p.Attribute("name") == channel);
        return root.Descendants(Xtce + "ParameterTypeSet").Elements().Single(t => (string?)t.Attribute("name") == (string?)parameter.Attribute("parameterTypeRef"));
    }

    private static XElement ArgumentTypeOf(XElement root, string command, string argument)
    {
        var element = root.Descendants(Xtce + "MetaCommand").Single(c => (string?)c.Attribute("name") == command)
            .Descendants(Xtce + "Argument").Single(a => (string?)a.Attribute("name") == argument);
        return root.Descendants(Xtce + "ArgumentTypeSet").Elements().Single(t => (string?)t.Attribute("name") == (string?)element.Attribute("argumentTypeRef"));
    }

    private static string RangeOf(XElement type)
    {
        var range = type.Element(Xtce + "ValidRangeSet")!.Element(Xtce + "ValidRange")!;
        return $"{range.Attribute("minInclusive")?.Value}..{range.Attribute("maxInclusive")?.Value}";
    }

    private static string[] Ancillary(XElement element) =>
        element.Element(Xtce + "AncillaryDataSet")!.Elements().Select(a => $"{a.Attribute("name")!.Value}={a.Value}").ToArray();
}
