using FlightSw.Link.Dictionary;
using FlightSw.Node.Link;

namespace FlightSw.Node.Tests.Link;

public class NodeDictionaryTests
{
    private static readonly Lazy<LinkDictionary> Node = new(NodeDictionary.Build);

    [Test]
    public void Build_FlightImage_HasEveryComponentsCommandsChannelsAndEvents()
    {
        var dictionary = Node.Value;

        Assert.Multiple(() =>
        {
            Assert.That(dictionary.Commands.Select(c => c.Name), Is.SupersetOf(new[] { "CMD_NOOP", "PRM_SET", "MODE_SET", "FI_FLIP_BIT", "SCRUB_REGION", "INFER_RUN" }));
            Assert.That(dictionary.Channels.Select(c => c.Name), Is.SupersetOf(new[] { "SCHED_TICKS", "MODE", "BRD_BUS_V", "LINK_TC_ACCEPTED", "LINK_RX_BAD_CRC", "INFER_CLASS" }));
            Assert.That(dictionary.Events.Select(e => e.Name), Is.SupersetOf(new[] { "BOOT", "CMD_REJECTED", "LINK_TC_REFUSED" }));
            Assert.That(dictionary.Commands.Single(c => c.Name == "PRM_SET").Arguments, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void XtceRoundTrip_TheNodesDictionary_RebuildsTheSameDictionary()
    {
        var dictionary = Node.Value;
        using var document = new MemoryStream();
        XtceWriter.Write(dictionary, document);
        document.Position = 0;

        var read = XtceReader.Read(document, "flightsw-node.xtce.xml");

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(dictionary), "every command with its arguments, every channel with its type and encoding, every event");
            Assert.That(read.Commands, Has.Count.EqualTo(dictionary.Commands.Count));
            Assert.That(read.Channels, Has.Count.EqualTo(dictionary.Channels.Count));
        });
    }

    [Test]
    public void XtceWriter_TheNodesDictionary_IsInTheXtce12Namespace()
    {
        using var document = new MemoryStream();
        XtceWriter.Write(Node.Value, document);
        document.Position = 0;

        var root = System.Xml.Linq.XDocument.Load(document).Root!;

        Assert.That(root.Name.NamespaceName, Is.EqualTo("http://www.omg.org/spec/XTCE/20180204"));
    }
}
