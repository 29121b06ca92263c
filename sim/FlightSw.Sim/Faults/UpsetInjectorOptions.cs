namespace FlightSw.Sim.Faults;

/// <summary>
/// Settings of the <see cref="UpsetInjector"/>. The defaults live here: off (rate 0), and when
/// switched on, the multi-bit share measured on Alsat-1.
/// </summary>
public sealed record UpsetInjectorOptions
{
    /// <summary>
    /// Measured SEU rate of the commercial SRAM of Alsat-1's on-board computer (686 km
    /// sun-synchronous orbit, 8 years in flight): 4.04e-7 upsets per bit per day, averaged over
    /// the orbit, South Atlantic Anomaly included. Source: Y. Bentoutou, "A Review of in-orbit
    /// Observations of Radiation-Induced Effects in Commercial Memories onboard Alsat-1".
    /// </summary>
    public const double Alsat1RatePerBitPerDay = 4.04e-7;

    /// <summary>
    /// Share of Alsat-1's upsets that were double-byte errors: 1.22 % (same source as
    /// <see cref="Alsat1RatePerBitPerDay"/>; 98.6 % were single-bit).
    /// </summary>
    public const double Alsat1MultiBitFraction = 0.0122;

    /// <summary>Default <see cref="MultiBitFraction"/>: <see cref="Alsat1MultiBitFraction"/>.</summary>
    public const double DefaultMultiBitFraction = Alsat1MultiBitFraction;

    /// <summary>Default <see cref="MultiBitSize"/>: 2 adjacent bits.</summary>
    public const int DefaultMultiBitSize = 2;

    /// <summary>Smallest <see cref="MultiBitSize"/>: a multi-bit upset hits at least 2 bits.</summary>
    public const int MinMultiBitSize = 2;

    /// <summary>Largest <see cref="MultiBitSize"/>: 8 adjacent bits, a whole byte's width.</summary>
    public const int MaxMultiBitSize = 8;

    /// <summary>
    /// Upsets per bit per day at <see cref="UpsetInjector.RateMultiplier"/> 1; 0 (the default)
    /// switches the injector off. <see cref="Alsat1RatePerBitPerDay"/> is a measured orbit
    /// average. Finite and zero or more.
    /// </summary>
    public double RatePerBitPerDay { get; init; }

    /// <summary>
    /// Probability that an upset flips <see cref="MultiBitSize"/> adjacent bits instead of one;
    /// <see cref="DefaultMultiBitFraction"/> by default. From 0 to 1.
    /// </summary>
    public double MultiBitFraction { get; init; } = DefaultMultiBitFraction;

    /// <summary>
    /// Physically adjacent bits one multi-bit upset flips; <see cref="DefaultMultiBitSize"/> by
    /// default. From <see cref="MinMultiBitSize"/> to <see cref="MaxMultiBitSize"/>.
    /// </summary>
    public int MultiBitSize { get; init; } = DefaultMultiBitSize;

    /// <summary>Throws when a setting is out of its range; the message says which and why.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(RatePerBitPerDay) || RatePerBitPerDay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RatePerBitPerDay), RatePerBitPerDay, "The upset rate per bit per day must be a finite number, zero (off) or more.");
        }

        if (!(MultiBitFraction >= 0 && MultiBitFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MultiBitFraction), MultiBitFraction, "The multi-bit fraction is a probability: from 0 to 1.");
        }

        if (MultiBitSize is < MinMultiBitSize or > MaxMultiBitSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MultiBitSize), MultiBitSize, $"A multi-bit upset flips from {MinMultiBitSize} to {MaxMultiBitSize} adjacent bits.");
        }
    }
}
