using System.Globalization;
using System.Security.Cryptography;
using FlightSw.Core.Storage;

namespace FlightSw.Edac.Golden;

/// <summary>
/// The checksum a golden image must have, as written in a manifest or command:
/// <c>sha256:&lt;64 hex digits&gt;</c> or <c>crc32c:&lt;8 hex digits&gt;</c>. The hex is kept in
/// lower case; a CRC-32C is its 32-bit value written big-endian (most significant digit first).
/// </summary>
public sealed record GoldenChecksum
{
    /// <summary>Creates a checksum from its algorithm and hex digits (either case).</summary>
    /// <exception cref="FormatException"><paramref name="hex"/> is not the algorithm's number of hex digits.</exception>
    public GoldenChecksum(GoldenChecksumAlgorithm algorithm, string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        int digits = HexDigits(algorithm);
        if (hex.Length != digits || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"A {AlgorithmName(algorithm)} checksum is {digits} hex digits; '{hex}' is not.");
        }

        Algorithm = algorithm;
        Hex = hex.ToLowerInvariant();
    }

    /// <summary>The algorithm.</summary>
    public GoldenChecksumAlgorithm Algorithm { get; }

    /// <summary>The checksum in lower-case hex.</summary>
    public string Hex { get; }

    /// <summary>Reads <c>sha256:&lt;64 hex&gt;</c> or <c>crc32c:&lt;8 hex&gt;</c> (case and surrounding spaces ignored).</summary>
    /// <exception cref="FormatException">The text is neither form.</exception>
    public static GoldenChecksum Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string prefix = colon < 0 ? string.Empty : trimmed[..colon];
        foreach (var algorithm in Enum.GetValues<GoldenChecksumAlgorithm>())
        {
            if (string.Equals(prefix, AlgorithmName(algorithm), StringComparison.OrdinalIgnoreCase))
            {
                return new GoldenChecksum(algorithm, trimmed[(colon + 1)..]);
            }
        }

        throw new FormatException($"'{text}' is not a golden checksum; write sha256:<64 hex digits> or crc32c:<8 hex digits>.");
    }

    /// <summary>The checksum of <paramref name="bytes"/> by <paramref name="algorithm"/>.</summary>
    public static GoldenChecksum Compute(GoldenChecksumAlgorithm algorithm, ReadOnlySpan<byte> bytes) => algorithm switch
    {
        GoldenChecksumAlgorithm.Crc32C => new(algorithm, Crc32C.Compute(bytes).ToString("x8", CultureInfo.InvariantCulture)),
        GoldenChecksumAlgorithm.Sha256 => new(algorithm, Convert.ToHexStringLower(SHA256.HashData(bytes))),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown golden checksum algorithm."),
    };

    /// <summary>The algorithm's name as written before the colon: <c>crc32c</c> or <c>sha256</c>.</summary>
    public static string AlgorithmName(GoldenChecksumAlgorithm algorithm) => algorithm switch
    {
        GoldenChecksumAlgorithm.Crc32C => "crc32c",
        GoldenChecksumAlgorithm.Sha256 => "sha256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown golden checksum algorithm."),
    };

    /// <summary>True when <paramref name="bytes"/> have this checksum.</summary>
    public bool Matches(ReadOnlySpan<byte> bytes) => Equals(Compute(Algorithm, bytes));

    /// <summary>Splits the checksum into its algorithm and hex digits.</summary>
    public void Deconstruct(out GoldenChecksumAlgorithm algorithm, out string hex)
    {
        algorithm = Algorithm;
        hex = Hex;
    }

    /// <summary>The text form that <see cref="Parse"/> reads, for example <c>crc32c:e3069283</c>.</summary>
    public override string ToString() => $"{AlgorithmName(Algorithm)}:{Hex}";

    private static int HexDigits(GoldenChecksumAlgorithm algorithm) => algorithm switch
    {
        GoldenChecksumAlgorithm.Crc32C => 8,
        GoldenChecksumAlgorithm.Sha256 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown golden checksum algorithm."),
    };
}
