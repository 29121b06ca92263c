namespace FlightSw.Link.Tests.Fuzz;

/// <summary>The ways <see cref="FrameMutator"/> damages a frame.</summary>
public enum FrameMutation
{
    /// <summary>1 to 4 bits flipped after the sync marker; the CRC is left as it was.</summary>
    BitFlips,

    /// <summary>1 to 4 bits flipped in the packet before the CRC, then the CRC recomputed, so the packet reaches the MAC check.</summary>
    BitFlipsCrcFixed,

    /// <summary>1 to 4 bits flipped anywhere, the sync marker included.</summary>
    BitFlipsAnywhere,

    /// <summary>The frame cut short at a random length.</summary>
    Truncated,

    /// <summary>1 to 8 random bytes inserted after the first byte.</summary>
    BytesInserted,

    /// <summary>1 to 8 bytes deleted.</summary>
    BytesDeleted,

    /// <summary>1 to 8 random bytes inserted after the headers, length field and CRC fixed.</summary>
    BytesInsertedCrcFixed,

    /// <summary>1 to 8 bytes deleted after the primary header, length field and CRC fixed.</summary>
    BytesDeletedCrcFixed,

    /// <summary>A random length field; half the time the CRC recomputed where the new length puts it.</summary>
    RandomLengthField,

    /// <summary>A length field announcing more than the decoder's maximum.</summary>
    OversizedLength,

    /// <summary>Random bytes appended inside the packet, length field and CRC fixed (beyond the maximum half the time).</summary>
    OversizedPadded,

    /// <summary>One header field (version, type, flags, APID, PUS byte, service, subtype, source, key id, sequence, command bytes, MAC) set to a random value, CRC fixed.</summary>
    FieldSmashed,

    /// <summary>The packet cut inside the security header or MAC, length field and CRC fixed.</summary>
    SecurityStripped,

    /// <summary>Random bytes of random length, half the time after a sync marker.</summary>
    Garbage,

    /// <summary>A sync marker, a plausible telecommand header, then random bytes; the CRC fixed half the time.</summary>
    GarbageAfterHeader,
}
