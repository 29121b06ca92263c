namespace FlightSw.Campaigns.Faults;

/// <summary>The bits faults aim at: a named field of a float, every bit, or a list.</summary>
/// <param name="Kind">The selection.</param>
/// <param name="Listed">The bits, for <see cref="BitSelectionKind.List"/>; empty otherwise.</param>
public sealed record BitSelection(BitSelectionKind Kind, IReadOnlyList<int> Listed)
{
    /// <summary>Every bit.</summary>
    public static BitSelection All { get; } = new(BitSelectionKind.All, []);

    /// <summary>The bits faults can start at, in an element of <paramref name="elementBits"/> bits (32 for a float, 72 for a codeword).</summary>
    /// <exception cref="ArgumentException">The selection names float fields for a codeword, or lists a bit the element does not have.</exception>
    public IReadOnlyList<int> BitsOf(int elementBits)
    {
        if (Kind is BitSelectionKind.Exponent or BitSelectionKind.Sign or BitSelectionKind.Mantissa && elementBits != 32)
        {
            throw new ArgumentException($"bits '{Name}' name a float field; a {elementBits}-bit element has none (use 'all' or a list).");
        }

        return Kind switch
        {
            BitSelectionKind.All => [.. Enumerable.Range(0, elementBits)],
            BitSelectionKind.Exponent => [.. Enumerable.Range(23, 8)],
            BitSelectionKind.Sign => [31],
            BitSelectionKind.Mantissa => [.. Enumerable.Range(0, 23)],
            _ => Listed.All(bit => bit >= 0 && bit < elementBits)
                ? Listed
                : throw new ArgumentException($"bits [{string.Join(", ", Listed)}] include a bit outside a {elementBits}-bit element (0 to {elementBits - 1})."),
        };
    }

    /// <summary>The selection as the configuration writes it.</summary>
    public string Name => Kind == BitSelectionKind.List ? $"[{string.Join(", ", Listed)}]" : Kind.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => Name;
}
