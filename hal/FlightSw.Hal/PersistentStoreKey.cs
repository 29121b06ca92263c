namespace FlightSw.Hal;

/// <summary>Validates record names for <see cref="IPersistentStore"/> implementations.</summary>
public static class PersistentStoreKey
{
    /// <summary>Longest record name accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <paramref name="key"/> is not a valid record name.</summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Length > MaxLength)
        {
            throw new ArgumentException($"Record name must be 1 to {MaxLength} characters long (was {key.Length}).", nameof(key));
        }

        foreach (char c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                throw new ArgumentException($"Record name '{key}' has character '{c}'; only letters, digits, '.', '-' and '_' are allowed.", nameof(key));
            }
        }
    }
}
