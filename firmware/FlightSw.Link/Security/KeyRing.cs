using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FlightSw.Link.Security;

/// <summary>
/// The telecommand keys a node (or ground station) holds, by id. A key file is text, one key per
/// line as <c>&lt;id&gt; &lt;64 hex digits&gt;</c>; <c>#</c> starts a comment and blank lines are
/// ignored. On Unix the file must be readable and writable by its owner only (mode 0600).
/// </summary>
public sealed class KeyRing
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private readonly Dictionary<ushort, LinkKey> _byId;

    /// <summary>Creates a ring holding <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException">Two keys share an id.</exception>
    public KeyRing(IEnumerable<LinkKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _byId = [];
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            if (!_byId.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"Key id {key.Id} is given twice.", nameof(keys));
            }
        }

        Keys = [.. _byId.Values.OrderBy(key => key.Id)];
    }

    /// <summary>A ring with no keys: a node holding it refuses every telecommand unless in development mode.</summary>
    public static KeyRing Empty { get; } = new([]);

    /// <summary>The keys, by ascending id.</summary>
    public IReadOnlyList<LinkKey> Keys { get; }

    /// <summary>Whether the ring holds no key.</summary>
    public bool IsEmpty => Keys.Count == 0;

    /// <summary>The key with <paramref name="id"/>, or null.</summary>
    public LinkKey? Find(ushort id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Loads a key file. Refuses, with a <see cref="KeyFileException"/> naming the file (and the
    /// line) and the reason: a missing file; on Unix a file that group or others may read or write;
    /// a malformed line, id 0, a secret that is not 64 hex digits, a duplicate id; a file with no key.
    /// </summary>
    public static KeyRing LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new KeyFileException($"Key file {path} does not exist (write one with 'flightsw keygen').");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOthers) != 0)
            {
                throw new KeyFileException(
                    $"Key file {path} has mode {FormatMode(mode)}: group or others may read or write it, and a key must stay secret. Run: chmod 600 {path}");
            }
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException($"Key file {path} cannot be read: {ex.Message}", ex);
        }

        var keys = new List<LinkKey>();
        var seen = new Dictionary<ushort, int>();
        for (int index = 0; index < lines.Length; index++)
        {
            int lineNumber = index + 1;
            string line = lines[index];
            int comment = line.IndexOf('#', StringComparison.Ordinal);
            string content = (comment >= 0 ? line[..comment] : line).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var key = ParseLine(path, lineNumber, content);
            if (seen.TryGetValue(key.Id, out int first))
            {
                throw new KeyFileException($"{path} line {lineNumber}: key id {key.Id} is already given on line {first}.");
            }

            seen.Add(key.Id, lineNumber);
            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            throw new KeyFileException($"Key file {path} holds no key (expected lines of '<id> <64 hex digits>').");
        }

        return new KeyRing(keys);
    }

    /// <summary>
    /// Writes a new key file at <paramref name="path"/> holding one fresh random key with
    /// <paramref name="id"/>; on Unix the file is created with mode 0600. An existing file is
    /// never overwritten.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0.</exception>
    /// <exception cref="IOException">The file already exists or cannot be written.</exception>
    public static void WriteNew(string path, ushort id)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfZero(id);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        byte[] secret = RandomNumberGenerator.GetBytes(LinkKey.SecretLength);
        string text =
            "# FlightSw telecommand key: <id> <secret, 64 hex digits>. Keep this file private (chmod 600).\n" +
            $"{id.ToString(CultureInfo.InvariantCulture)} {Convert.ToHexStringLower(secret)}\n";
        using var stream = new FileStream(path, options);
        stream.Write(Encoding.ASCII.GetBytes(text));
        CryptographicOperations.ZeroMemory(secret);
    }

    private static LinkKey ParseLine(string path, int lineNumber, string content)
    {
        string[] fields = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 2)
        {
            throw new KeyFileException($"{path} line {lineNumber}: expected '<id> <64 hex digits>', found {fields.Length} field(s).");
        }

        if (!ushort.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out ushort id))
        {
            throw new KeyFileException($"{path} line {lineNumber}: key id '{fields[0]}' is not a number from 1 to 65535.");
        }

        if (id == 0)
        {
            throw new KeyFileException($"{path} line {lineNumber}: key id 0 is the development key and cannot be loaded; use 1 to 65535.");
        }

        string hex = fields[1];
        if (hex.Length != LinkKey.SecretLength * 2)
        {
            throw new KeyFileException($"{path} line {lineNumber}: the secret of key {id} has {hex.Length} hex digits, not {LinkKey.SecretLength * 2}.");
        }

        if (!hex.All(char.IsAsciiHexDigit))
        {
            throw new KeyFileException($"{path} line {lineNumber}: the secret of key {id} is not hexadecimal.");
        }

        return new LinkKey(id, Convert.FromHexString(hex));
    }

    private static string FormatMode(UnixFileMode mode) =>
        "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
