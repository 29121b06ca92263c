namespace FlightSw.Campaigns.Faults;

/// <summary>Which bits of an element faults aim at.</summary>
public enum BitSelectionKind
{
    /// <summary>Every bit: 0 to 31 of a float, 0 to 71 of an ECC codeword.</summary>
    All,

    /// <summary>The float's exponent, bits 23 to 30.</summary>
    Exponent,

    /// <summary>The float's sign, bit 31.</summary>
    Sign,

    /// <summary>The float's mantissa, bits 0 to 22.</summary>
    Mantissa,

    /// <summary>The bits listed.</summary>
    List,
}
