using System.Security.Cryptography;

namespace FlightSw.Inference.Execution;

/// <summary>
/// Where a model's weights can be rebuilt from when every copy in memory is suspect: the model
/// file (re-read), or for a model loaded from bytes a private copy, each verified against the
/// SHA-256 taken at load before it is trusted.
/// </summary>
internal sealed class ModelSource
{
    private readonly string? _path;
    private readonly byte[]? _bytes;
    private readonly byte[] _hash;

    private ModelSource(string name, string? path, byte[]? bytes, byte[] hash)
    {
        Name = name;
        _path = path;
        _bytes = bytes;
        _hash = hash;
    }

    public string Name { get; }

    public static ModelSource OfFile(string path, byte[] bytes) => new(path, path, null, SHA256.HashData(bytes));

    public static ModelSource OfBytes(string name, byte[] bytes) => new(name, null, (byte[])bytes.Clone(), SHA256.HashData(bytes));

    /// <summary>The model's bytes, verified.</summary>
    /// <exception cref="InvalidDataException">The file or copy no longer matches what was loaded, or cannot be read.</exception>
    public byte[] LoadVerified()
    {
        byte[] bytes;
        try
        {
            bytes = _bytes ?? File.ReadAllBytes(_path!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Model '{Name}' cannot be re-read to rebuild its weights: {exception.Message}", exception);
        }

        if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(_hash))
        {
            throw new InvalidDataException($"Model '{Name}' no longer matches the SHA-256 taken at load; its weights cannot be rebuilt from it.");
        }

        return bytes;
    }
}
