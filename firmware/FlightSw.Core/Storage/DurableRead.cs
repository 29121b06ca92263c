namespace FlightSw.Core.Storage;

/// <summary>What <see cref="DurableRecordStore.Read"/> found for one record.</summary>
/// <param name="Found">Whether a sound copy exists.</param>
/// <param name="Payload">The newest sound copy's payload; empty when none was found.</param>
/// <param name="Sequence">The newest sound copy's sequence number; 0 when none was found.</param>
/// <param name="Refused">
/// One human-readable reason per copy that exists but is unsound, naming the copy, for example
/// <c>boot.history.b: CRC-32C mismatch (stored 0x1234ABCD, computed 0x0BADF00D)</c>. A refused
/// copy may be the newer one (a write torn by a power loss) or the older one (storage rot).
/// </param>
public sealed record DurableRead(bool Found, byte[] Payload, ulong Sequence, IReadOnlyList<string> Refused);
