using FlightSw.Link.Packets;

namespace FlightSw.Link.Security;

/// <summary>A telecommand that passed verification: authenticated, fresh, and recorded by the replay window.</summary>
/// <param name="Apid">The APID it was sent to.</param>
/// <param name="RequestId">Bytes 0-3 of its primary header (packet id and sequence control), as PUS names a request.</param>
/// <param name="Secondary">Its secondary header: service, subtype, source id.</param>
/// <param name="KeyId">The key it was signed with (0: the development key).</param>
/// <param name="Sequence">Its anti-replay sequence number.</param>
/// <param name="ApplicationData">The application data between the security header and the MAC (a copy).</param>
public readonly record struct Telecommand(int Apid, uint RequestId, TcSecondaryHeader Secondary, ushort KeyId, ulong Sequence, ReadOnlyMemory<byte> ApplicationData);
