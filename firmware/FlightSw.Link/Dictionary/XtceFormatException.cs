namespace FlightSw.Link.Dictionary;

/// <summary>
/// An XTCE document <see cref="XtceReader"/> refuses: not XML, not in the XTCE 1.2 namespace, or
/// missing or contradicting a part the dictionary needs. The message names the document, the
/// element or attribute, and what is wrong with it.
/// </summary>
public sealed class XtceFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="document"/> at <paramref name="location"/>.</summary>
    /// <param name="document">Where the document came from, for example a file name or <c>node sim-1 over TCP</c>.</param>
    /// <param name="location">The element or attribute, for example <c>SpaceSystem/TelemetryMetaData/ParameterSet/Parameter[BRD_BUS_V]/@parameterTypeRef</c>.</param>
    /// <param name="reason">What is wrong, as a sentence.</param>
    /// <param name="inner">The XML parser's exception, if any.</param>
    public XtceFormatException(string document, string location, string reason, Exception? inner = null)
        : base($"{document}: {location}: {reason}", inner)
    {
        Document = document;
        Location = location;
    }

    /// <summary>Where the document came from.</summary>
    public string Document { get; }

    /// <summary>The element or attribute refused.</summary>
    public string Location { get; }
}
