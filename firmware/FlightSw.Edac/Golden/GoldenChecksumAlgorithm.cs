namespace FlightSw.Edac.Golden;

/// <summary>How a golden image's checksum is computed.</summary>
public enum GoldenChecksumAlgorithm
{
    /// <summary>CRC-32C (Castagnoli): cheap, catches every burst up to 32 bits; written <c>crc32c:&lt;8 hex&gt;</c>.</summary>
    Crc32C,

    /// <summary>SHA-256: catches any corruption with overwhelming probability; written <c>sha256:&lt;64 hex&gt;</c>.</summary>
    Sha256,
}
