using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Messages;

namespace FlightSw.Ground;

/// <summary>
/// Reassembles the XTCE document the node sends in TM(200,2) segments after a TC(200,1), with
/// the protocol layer's <see cref="DictionarySegmentAssembler"/>. The receive thread adds
/// segments; the connecting thread watches <see cref="IsComplete"/> and <see cref="Problem"/>.
/// </summary>
internal sealed class DictionaryFetcher
{
    private readonly Lock _gate = new();
    private readonly DictionarySegmentAssembler _assembler = new();
    private byte[]? _document;
    private string? _problem;
    private int _received;
    private int _expected;

    /// <summary>Whether the whole document has arrived.</summary>
    public bool IsComplete => Volatile.Read(ref _document) is not null;

    /// <summary>Why the document cannot be assembled (a segment missing or out of order); null while all is well.</summary>
    public string? Problem => Volatile.Read(ref _problem);

    /// <summary>The document; empty until <see cref="IsComplete"/>.</summary>
    public byte[] Document => Volatile.Read(ref _document) ?? [];

    /// <summary>How far the transfer got, for a timeout message.</summary>
    public string Progress
    {
        get
        {
            lock (_gate)
            {
                return _expected == 0
                    ? "no segment arrived"
                    : string.Create(CultureInfo.InvariantCulture, $"{_received} of {_expected} segments arrived");
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="document"/> as the node's XTCE dictionary and checks it against the
    /// SHA-256 the link status announced (unless the node announced none: the SHA-256 of nothing,
    /// sent while its flight software had not yet set a dictionary).
    /// </summary>
    /// <exception cref="InvalidDataException">The document is empty, not valid XTCE, or not the one announced.</exception>
    public static LinkDictionary Parse(byte[] document, byte[] announcedSha256, string source)
    {
        if (document.Length == 0)
        {
            throw new InvalidDataException($"{source} serves an empty dictionary: its flight software has not set one yet; try again once it has booted.");
        }

        byte[] actual = SHA256.HashData(document);
        if (!announcedSha256.AsSpan().SequenceEqual(actual) && !announcedSha256.AsSpan().SequenceEqual(SHA256.HashData([])))
        {
            throw new InvalidDataException(
                $"The dictionary from {source} ({document.Length} bytes, SHA-256 {Convert.ToHexStringLower(actual)[..16]}...) is not the one its link status announced ({Convert.ToHexStringLower(announcedSha256)[..Math.Min(16, announcedSha256.Length * 2)]}...).");
        }

        try
        {
            using var stream = new MemoryStream(document, writable: false);
            return XtceReader.Read(stream, $"the dictionary from {source}");
        }
        catch (Exception ex) when (ex is XtceFormatException or XmlException or ArgumentException)
        {
            throw new InvalidDataException($"The dictionary from {source} is not a valid XTCE document: {ex.Message}", ex);
        }
    }

    /// <summary>Adds one TM(200,2) segment (receive thread).</summary>
    public void Add(TelemetryPacket segment)
    {
        var data = segment.ApplicationData.Span;
        lock (_gate)
        {
            if (IsComplete || Problem is not null)
            {
                return;
            }

            try
            {
                if (data.Length >= DictionarySegmentCodec.HeaderLength)
                {
                    _expected = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
                }

                _received++;
                if (_assembler.Add(segment.Header.Flags, data))
                {
                    Volatile.Write(ref _document, _assembler.Document ?? []);
                }
            }
            catch (LinkFormatException ex)
            {
                Volatile.Write(ref _problem, ex.Message);
            }
        }
    }
}
