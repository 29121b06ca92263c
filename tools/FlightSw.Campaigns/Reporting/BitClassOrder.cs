namespace FlightSw.Campaigns.Reporting;

/// <summary>Bit classes from the most to the least significant field of a float, then codeword, then component classes; others last.</summary>
internal sealed class BitClassOrder : IComparer<string>
{
    private static readonly string[] Known = ["sign", "exponent", "mantissa", "value", "data", "check", "state"];

    public static BitClassOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        int byRank = Rank(x).CompareTo(Rank(y));
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static int Rank(string? bitClass)
    {
        int index = Array.IndexOf(Known, bitClass);
        return index < 0 ? Known.Length : index;
    }
}
