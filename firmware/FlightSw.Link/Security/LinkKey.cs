namespace FlightSw.Link.Security;

/// <summary>A telecommand authentication key: a 32-byte HMAC-SHA256 secret under a key id.</summary>
/// <param name="Id">Key id, 1 to 65,535 (0 is the development key, which has no secret).</param>
/// <param name="Secret">The secret, <see cref="SecretLength"/> bytes.</param>
public sealed record LinkKey(ushort Id, byte[] Secret)
{
    /// <summary>Bytes in a secret.</summary>
    public const int SecretLength = 32;

    /// <summary>Key id, 1 to 65,535.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is 0.</exception>
    public ushort Id { get; init; } = Id != 0 ? Id : throw new ArgumentOutOfRangeException(nameof(Id), "Key id 0 is the development key; a loaded key has an id from 1 to 65535.");

    /// <summary>The secret, <see cref="SecretLength"/> bytes.</summary>
    /// <exception cref="ArgumentException">The secret is not <see cref="SecretLength"/> bytes.</exception>
    public byte[] Secret { get; init; } = Secret is { Length: SecretLength }
        ? Secret
        : throw new ArgumentException($"A key secret is {SecretLength} bytes, not {Secret?.Length ?? 0}.", nameof(Secret));

    /// <summary>Names the key without its secret.</summary>
    public override string ToString() => $"LinkKey {Id}";
}
