using System.Xml.Linq;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// The names shared by <see cref="XtceWriter"/> and <see cref="XtceReader"/>: the XTCE 1.2
/// namespace and the <c>AncillaryData</c> names that carry what XTCE has no element for.
/// </summary>
internal static class XtceVocabulary
{
    /// <summary>The XTCE 1.2 namespace.</summary>
    public const string NamespaceUri = "http://www.omg.org/spec/XTCE/20180204";

    /// <summary>The version of this layout, carried by the root; a reader refuses any other.</summary>
    public const string FormatVersion = "1";

    /// <summary>Root ancillary data: the layout version.</summary>
    public const string Format = "flightsw.format";

    /// <summary>Parameter and event ancillary data: the channel or event id (decimal).</summary>
    public const string Id = "flightsw.id";

    /// <summary>MetaCommand ancillary data: the opcode (decimal).</summary>
    public const string Opcode = "flightsw.opcode";

    /// <summary>Ancillary data of every entry: the declaring component.</summary>
    public const string Component = "flightsw.component";

    /// <summary>SequenceContainer ancillary data that marks an event definition; value <see cref="EventKind"/>.</summary>
    public const string Kind = "flightsw.kind";

    /// <summary>The <see cref="Kind"/> of an event container.</summary>
    public const string EventKind = "event";

    /// <summary>Event ancillary data: the <c>EventSeverity</c> name.</summary>
    public const string Severity = "flightsw.severity";

    /// <summary>Event ancillary data: the message template.</summary>
    public const string Template = "flightsw.template";

    /// <summary>Event ancillary data, once per argument in order: the argument name.</summary>
    public const string Argument = "flightsw.argument";

    /// <summary>
    /// The parameter a variable-size string argument names as its (unused) dynamic buffer size:
    /// XTCE 1.2 requires a <c>DynamicValue</c> in <c>Variable</c>, and YAMCS reads this name as
    /// "the leading size alone gives the size".
    /// </summary>
    public const string IgnoredSizeParameter = "_yamcs_ignore";

    /// <summary>Bits of the length prefix of every command-name and argument string on the wire (TC 8,1).</summary>
    public const int SizeTagBits = 8;

    /// <summary>The longest string the 8-bit length prefix allows.</summary>
    public const int MaxWireString = 255;

    /// <summary>The XTCE namespace.</summary>
    public static readonly XNamespace Ns = NamespaceUri;
}
