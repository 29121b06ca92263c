namespace FlightSw.Sim.Environment.Power;

/// <summary>
/// A solar array held at a fixed angle to the Sun by attitude control: it delivers
/// <see cref="SolarConstantWattsPerSquareMeter"/> x area x efficiency x cos(incidence) in
/// sunlight and nothing in eclipse.
/// </summary>
/// <param name="AreaSquareMeters">Cell area, in square metres.</param>
/// <param name="Efficiency">Conversion efficiency of the cells and their regulator, 0..1.</param>
/// <param name="IncidenceDegrees">Angle between the array's normal and the Sun, 0 (facing it) to below 90.</param>
public sealed record SolarArray(double AreaSquareMeters = SolarArray.DefaultAreaSquareMeters, double Efficiency = SolarArray.DefaultEfficiency, double IncidenceDegrees = 0)
{
    /// <summary>Solar irradiance at 1 AU above the atmosphere, in W/m2.</summary>
    public const double SolarConstantWattsPerSquareMeter = 1361.0;

    /// <summary>Default area: 0.06 m2, a few body-mounted panels of a small compute node.</summary>
    public const double DefaultAreaSquareMeters = 0.06;

    /// <summary>Default efficiency: 28 %, triple-junction cells.</summary>
    public const double DefaultEfficiency = 0.28;

    /// <summary>Power delivered in sunlight, in watts.</summary>
    public double SunlitWatts => SolarConstantWattsPerSquareMeter * AreaSquareMeters * Efficiency * Math.Cos(IncidenceDegrees * Math.PI / 180);

    /// <summary>Power delivered, in watts: <see cref="SunlitWatts"/> in sunlight, zero in eclipse.</summary>
    public double PowerWatts(bool sunlit) => sunlit ? SunlitWatts : 0;

    /// <summary>
    /// Throws when a setting is out of range; the message names the field: the area finite and
    /// zero or more, the efficiency 0..1, the incidence from 0 to below 90 degrees.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(AreaSquareMeters) || AreaSquareMeters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AreaSquareMeters), AreaSquareMeters, "The array area must be a finite number of square metres, zero or more.");
        }

        if (!(Efficiency >= 0 && Efficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Efficiency), Efficiency, "The array efficiency is a fraction: from 0 to 1.");
        }

        if (!(IncidenceDegrees >= 0 && IncidenceDegrees < 90))
        {
            throw new ArgumentOutOfRangeException(nameof(IncidenceDegrees), IncidenceDegrees, "The incidence angle must be from 0 to below 90 degrees.");
        }
    }
}
