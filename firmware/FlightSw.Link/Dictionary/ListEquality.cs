namespace FlightSw.Link.Dictionary;

/// <summary>Content equality and hashing of the lists the dictionary entries hold.</summary>
internal static class ListEquality
{
    /// <summary>Whether both lists hold equal items in the same order.</summary>
    public static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.SequenceEqual(b));

    /// <summary>A hash of the list's items, consistent with <see cref="Same{T}"/>.</summary>
    public static int Hash<T>(IReadOnlyList<T> items)
    {
        var hash = default(HashCode);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items as "a, b, c", for readable test failures.</summary>
    public static string Show<T>(IReadOnlyList<T> items) => "[" + string.Join(", ", items) + "]";
}
