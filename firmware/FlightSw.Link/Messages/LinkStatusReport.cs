namespace FlightSw.Link.Messages;

/// <summary>
/// The link status, TM(200,1): the hello sent on every new connection and in answer to TC(17,1).
/// Application data: node name and board name (u8 length + ASCII), u8 flags (bit 0 development
/// mode, bit 1 simulation control), u8 key count, per key u16 id and u64 highest accepted
/// sequence, then the 32-byte SHA-256 of the node's XTCE document.
/// </summary>
/// <param name="Node">The node's name (sent as ASCII, cut to 255 characters).</param>
/// <param name="Board">The board's name (sent as ASCII, cut to 255 characters).</param>
/// <param name="DevelopmentMode">Whether the node accepts development key 0.</param>
/// <param name="SimulationControl">Whether the node serves simulation control (APID 0x7E0).</param>
/// <param name="HighestSequences">Highest accepted anti-replay sequence per key id (at most 255 are sent).</param>
/// <param name="DictionarySha256">SHA-256 of the XTCE document the node serves, 32 bytes.</param>
public sealed record LinkStatusReport(string Node, string Board, bool DevelopmentMode, bool SimulationControl, IReadOnlyList<KeyValuePair<ushort, ulong>> HighestSequences, byte[] DictionarySha256)
{
    /// <summary>Bytes of the dictionary digest.</summary>
    public const int DigestLength = 32;

    private const byte DevelopmentFlag = 1;
    private const byte SimulationFlag = 2;

    /// <summary>The application data.</summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    public byte[] Encode()
    {
        if (DictionarySha256 is not { Length: DigestLength })
        {
            throw new ArgumentException($"The dictionary digest is {DigestLength} bytes, not {DictionarySha256?.Length ?? 0}.");
        }

        int count = Math.Min(HighestSequences.Count, byte.MaxValue);
        var writer = new LinkDataWriter(64 + (10 * count));
        writer.WriteAscii8Lenient(Node);
        writer.WriteAscii8Lenient(Board);
        writer.WriteByte((byte)((DevelopmentMode ? DevelopmentFlag : 0) | (SimulationControl ? SimulationFlag : 0)));
        writer.WriteByte((byte)count);
        for (int index = 0; index < count; index++)
        {
            writer.WriteUInt16(HighestSequences[index].Key);
            writer.WriteUInt64(HighestSequences[index].Value);
        }

        writer.WriteBytes(DictionarySha256);
        return writer.ToArray();
    }

    /// <summary>The report in <paramref name="applicationData"/>.</summary>
    /// <exception cref="LinkFormatException">The data is not a well-formed link status.</exception>
    public static LinkStatusReport Decode(ReadOnlySpan<byte> applicationData)
    {
        var reader = new LinkDataReader(applicationData, "link status");
        string node = reader.ReadAscii8("node name");
        string board = reader.ReadAscii8("board name");
        byte flags = reader.ReadByte("flags");
        int count = reader.ReadByte("key count");
        var sequences = new List<KeyValuePair<ushort, ulong>>(count);
        for (int index = 0; index < count && !reader.Failed; index++)
        {
            ushort key = reader.ReadUInt16($"id of key {index}");
            ulong highest = reader.ReadUInt64($"highest sequence of key {key}");
            sequences.Add(KeyValuePair.Create(key, highest));
        }

        byte[] digest = reader.ReadBytes(DigestLength, "dictionary SHA-256").ToArray();
        reader.ExpectEnd();
        reader.ThrowIfFailed();
        return new LinkStatusReport(node, board, (flags & DevelopmentFlag) != 0, (flags & SimulationFlag) != 0, sequences, digest);
    }
}
