using System.Text;
using System.Xml.Linq;
using FlightSw.Core.Events;
using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

public class XtceReaderTests
{
    private const string Source = "probe-node.xtce";
    private static readonly XNamespace Xtce = "http://www.omg.org/spec/XTCE/20180204";

    private static IEnumerable<TestCaseData> Dictionaries()
    {
        yield return new TestCaseData(DictionaryFixtures.FromApplication()).SetArgDisplayNames("application");
        yield return new TestCaseData(DictionaryFixtures.HandBuilt()).SetArgDisplayNames("hand-built");
        yield return new TestCaseData(new LinkDictionary("empty", [], [], [])).SetArgDisplayNames("empty");
    }

    [TestCaseSource(nameof(Dictionaries))]
    public void Read_WrittenDictionary_GivesAnEqualDictionary(LinkDictionary dictionary)
    {
        using var stream = new MemoryStream(XtceWriter.ToBytes(dictionary));

        var read = XtceReader.Read(stream, Source);

        Assert.That(read.DifferencesFrom(dictionary), Is.Empty);
        Assert.That(read, Is.EqualTo(dictionary));
        Assert.That(read.Sha256(), Is.EqualTo(dictionary.Sha256()));
    }

    [Test]
    public void Read_WrittenApplicationDictionary_EveryEntryEqualOneByOne()
    {
        var dictionary = DictionaryFixtures.FromApplication();

        var read = XtceReader.Read(XtceWriter.ToXml(dictionary), Source);

        Assert.That(read.Commands, Is.EqualTo(dictionary.Commands), "every command with its arguments");
        Assert.That(read.Channels, Is.EqualTo(dictionary.Channels), "every channel with its type, unit and labels");
        Assert.That(read.Events, Is.EqualTo(dictionary.Events), "every event");
        Assert.That(read.Events.Select(e => e.Severity).Distinct(), Is.EquivalentTo(Enum.GetValues<EventSeverity>()), "the fixture covers every severity");
    }

    [Test]
    public void Read_Stream_LeftOpen()
    {
        using var stream = new MemoryStream(XtceWriter.ToBytes(DictionaryFixtures.HandBuilt()));

        XtceReader.Read(stream, Source);

        Assert.That(stream.CanRead, Is.True);
    }

    [Test]
    public void Read_Xtce11Namespace_RefusedNamingTheRootAndTheNamespace()
    {
        string xml = XtceWriter.ToXml(DictionaryFixtures.HandBuilt()).Replace("http://www.omg.org/spec/XTCE/20180204", "http://www.omg.org/space/xtce", StringComparison.Ordinal);

        Assert.That(
            () => XtceReader.Read(xml, Source),
            Throws.TypeOf<XtceFormatException>().With.Message.StartsWith($"{Source}: SpaceSystem").And.Message.Contains("http://www.omg.org/spec/XTCE/20180204"));
    }

    [Test]
    public void Read_RootNotASpaceSystem_Refused()
    {
        Assert.That(
            () => XtceReader.Read("<TelemetryMetaData xmlns=\"http://www.omg.org/spec/XTCE/20180204\"/>", Source),
            Throws.TypeOf<XtceFormatException>().With.Message.Contains("not an XTCE 1.2 SpaceSystem"));
    }

    [Test]
    public void Read_ParameterTypeMissing_RefusedNamingTheParameterAndTheReference()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => TypeOfParameter(root, "PROBE_I32").Remove());

        Assert.That(
            () => XtceReader.Read(xml, Source),
            Throws.TypeOf<XtceFormatException>()
                .With.Property(nameof(XtceFormatException.Location)).Contains("Parameter[PROBE_I32]")
                .And.Message.Contains("@parameterTypeRef 'PROBE_I32_Type' names no type in the ParameterTypeSet"));
    }

    [Test]
    public void Read_ArgumentTypeMissing_RefusedNamingTheArgument()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => root.Descendants(Xtce + "ArgumentTypeSet").Elements().First(t => (string?)t.Attribute("name") == "PROBE_ALL_gain_Type").Remove());

        Assert.That(
            () => XtceReader.Read(xml, Source),
            Throws.TypeOf<XtceFormatException>()
                .With.Property(nameof(XtceFormatException.Location)).Contains("MetaCommand[PROBE_ALL]/ArgumentList/Argument[gain]")
                .And.Message.Contains("argumentTypeRef"));
    }

    [Test]
    public void Read_ParameterTypeRefAttributeMissing_RefusedNamingTheAttribute()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => ParameterNamed(root, "PROBE_F32").Attribute("parameterTypeRef")!.Remove());

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("the parameterTypeRef attribute is missing"));
    }

    [Test]
    public void Read_ChannelOfAnUnknownType_RefusedNamingTheTypeElement()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => TypeOfParameter(root, "PROBE_U32").Name = Xtce + "StringParameterType");

        Assert.That(
            () => XtceReader.Read(xml, Source),
            Throws.TypeOf<XtceFormatException>()
                .With.Property(nameof(XtceFormatException.Location)).Contains("StringParameterType[PROBE_U32_Type]")
                .And.Message.Contains("not a type a telemetry channel can have"));
    }

    [Test]
    public void Read_ArgumentOfAnUnknownType_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => root.Descendants(Xtce + "ArgumentTypeSet").Elements().First().Name = Xtce + "BinaryArgumentType");

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("BinaryArgumentType is not a type a command argument can have"));
    }

    [Test]
    public void Read_IntegerOfUnsupportedSize_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => TypeOfParameter(root, "PROBE_I32").SetAttributeValue("sizeInBits", "16"));

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("16-bit integer has no telemetry type"));
    }

    [Test]
    public void Read_LittleEndianEncoding_RefusedNamingTheEncoding()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => TypeOfParameter(root, "PROBE_U64").Element(Xtce + "IntegerDataEncoding")!.SetAttributeValue("byteOrder", "leastSignificantByteFirst"));

        Assert.That(
            () => XtceReader.Read(xml, Source),
            Throws.TypeOf<XtceFormatException>().With.Property(nameof(XtceFormatException.Location)).Contains("IntegerParameterType[PROBE_U64_Type]/IntegerDataEncoding"));
    }

    [Test]
    public void Read_EncodingSizeDisagreesWithTheType_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => TypeOfParameter(root, "PROBE_I64").Element(Xtce + "IntegerDataEncoding")!.SetAttributeValue("sizeInBits", "32"));

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("twosComplement in 64 bits"));
    }

    [Test]
    public void Read_ArgumentWithoutTheLeadingSize_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => root.Descendants(Xtce + "LeadingSize").First().Remove());

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("LeadingSize is missing"));
    }

    [Test]
    public void Read_ChannelIdMissing_RefusedNamingTheAncillaryData()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => ParameterNamed(root, "PROBE_FLAG").Descendants(Xtce + "AncillaryData").First(a => (string?)a.Attribute("name") == "flightsw.id").Remove());

        Assert.That(
            () => XtceReader.Read(xml, Source),
            Throws.TypeOf<XtceFormatException>().With.Property(nameof(XtceFormatException.Location)).Contains("Parameter[PROBE_FLAG]").And.Message.Contains("'flightsw.id'"));
    }

    [Test]
    public void Read_OpcodeNotANumber_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => root.Descendants(Xtce + "AncillaryData").First(a => (string?)a.Attribute("name") == "flightsw.opcode").Value = "0x10");

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("'0x10', not a whole number from 0 to 65535"));
    }

    [Test]
    public void Read_UnknownSeverity_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => root.Descendants(Xtce + "AncillaryData").First(a => (string?)a.Attribute("name") == "flightsw.severity").Value = "Catastrophic");

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("'Catastrophic'"));
    }

    [Test]
    public void Read_CommandContainerNotMatchingTheName_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => root.Descendants(Xtce + "FixedValueEntry").First(e => (string?)e.Attribute("name") == "Name").SetAttributeValue("binaryValue", "41"));

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Property(nameof(XtceFormatException.Location)).Contains("FixedValueEntry[Name]"));
    }

    [Test]
    public void Read_CommandWithoutContainer_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root => root.Descendants(Xtce + "CommandContainer").First().Remove());

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("the CommandContainer element is missing"));
    }

    [Test]
    public void Read_DuplicateChannelIds_Refused()
    {
        string xml = Edit(DictionaryFixtures.FromApplication(), root =>
            ParameterNamed(root, "PROBE_I32").Descendants(Xtce + "AncillaryData").First(a => (string?)a.Attribute("name") == "flightsw.id").Value = "8192");

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("0x2000"));
    }

    [Test]
    public void Read_ForeignXtceWithoutTheFormatMark_Refused()
    {
        string xml = Edit(DictionaryFixtures.HandBuilt(), root => root.Element(Xtce + "AncillaryDataSet")!.Remove());

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.Message.Contains("'flightsw.format'"));
    }

    [Test]
    public void Read_NotXml_RefusedNamingTheSourceAndLine()
    {
        Assert.That(() => XtceReader.Read("<SpaceSystem>\n<oops", Source), Throws.TypeOf<XtceFormatException>().With.Message.StartsWith($"{Source}: line 2").And.Message.Contains("not well-formed XML"));
    }

    [Test]
    public void Read_DocumentWithADtd_Refused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE SpaceSystem [<!ENTITY a \"aaaa\">]><SpaceSystem xmlns=\"http://www.omg.org/spec/XTCE/20180204\" name=\"&a;\"/>";

        Assert.That(() => XtceReader.Read(xml, Source), Throws.TypeOf<XtceFormatException>().With.InnerException.TypeOf<System.Xml.XmlException>());
    }

    [Test]
    public void Read_ExtraXtceTheDictionaryDoesNotUse_Ignored()
    {
        var dictionary = DictionaryFixtures.HandBuilt();
        string xml = Edit(dictionary, root =>
        {
            root.Element(Xtce + "AncillaryDataSet")!.AddAfterSelf(new XElement(Xtce + "Header", new XAttribute("validationStatus", "Working")));
            root.Descendants(Xtce + "ContainerSet").Single().AddFirst(
                new XElement(Xtce + "SequenceContainer", new XAttribute("name", "CCSDS_TM"), new XAttribute("abstract", "true"), new XElement(Xtce + "EntryList")));
        });

        Assert.That(XtceReader.Read(xml, Source), Is.EqualTo(dictionary));
    }

    private static string Edit(LinkDictionary dictionary, Action<XElement> edit)
    {
        var document = XDocument.Parse(XtceWriter.ToXml(dictionary));
        edit(document.Root!);
        return document.ToString();
    }

    private static XElement ParameterNamed(XElement root, string name) =>
        root.Descendants(Xtce + "Parameter").Single(p => (string?)p.Attribute("name") == name);

    private static XElement TypeOfParameter(XElement root, string channel) =>
        root.Descendants(Xtce + "ParameterTypeSet").Elements().Single(t => (string?)t.Attribute("name") == (string?)ParameterNamed(root, channel).Attribute("parameterTypeRef"));
}
