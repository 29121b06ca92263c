namespace FlightSw.Link.Messages;

/// <summary>
/// A request verification report, TM(1,1), (1,2), (1,7) or (1,8). Application data: request id
/// (u32: the telecommand's primary header bytes 0-3), key id u16, anti-replay sequence u64,
/// u8 code, u16 message length and UTF-8 message (cut to 1,024 bytes).
/// </summary>
/// <param name="Subtype">1 accepted, 2 refused, 7 completed, 8 failed (<see cref="LinkServices"/>).</param>
/// <param name="RequestId">The telecommand's primary header bytes 0-3 (packet id and sequence control).</param>
/// <param name="KeyId">The key id of the telecommand.</param>
/// <param name="Sequence">The anti-replay sequence of the telecommand.</param>
/// <param name="Code">For 1,2 a <see cref="Security.LinkRefusal"/>; for 1,7 and 1,8 a <see cref="Core.Commands.CommandStatus"/>; 0 for 1,1.</param>
/// <param name="Message">Why, for the operator; empty on success.</param>
public sealed record CommandAck(byte Subtype, uint RequestId, ushort KeyId, ulong Sequence, byte Code, string Message)
{
    /// <summary>Whether this reports acceptance (1,1 or 1,2) rather than completion.</summary>
    public bool IsAcceptance => Subtype is LinkServices.AcceptSuccess or LinkServices.AcceptFailure;

    /// <summary>Whether this reports a refusal or a failure (1,2 or 1,8).</summary>
    public bool IsFailure => Subtype is LinkServices.AcceptFailure or LinkServices.CompleteFailure;

    /// <summary>The application data.</summary>
    public byte[] Encode()
    {
        var writer = new LinkDataWriter(17 + Message.Length);
        writer.WriteUInt32(RequestId);
        writer.WriteUInt16(KeyId);
        writer.WriteUInt64(Sequence);
        writer.WriteByte(Code);
        writer.WriteUtf8_16(Message);
        return writer.ToArray();
    }

    /// <summary>The report in <paramref name="applicationData"/> of a TM(1,<paramref name="subtype"/>).</summary>
    /// <exception cref="LinkFormatException">The data is not a well-formed report.</exception>
    public static CommandAck Decode(ReadOnlySpan<byte> applicationData, byte subtype)
    {
        var reader = new LinkDataReader(applicationData, $"verification report (1,{subtype})");
        uint requestId = reader.ReadUInt32("request id");
        ushort keyId = reader.ReadUInt16("key id");
        ulong sequence = reader.ReadUInt64("sequence");
        byte code = reader.ReadByte("code");
        string message = reader.ReadUtf8_16("message");
        reader.ExpectEnd();
        reader.ThrowIfFailed();
        return new CommandAck(subtype, requestId, keyId, sequence, code, message);
    }
}
