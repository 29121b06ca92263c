namespace FlightSw.Sim.Environment;

/// <summary>
/// A circular Earth orbit at a given altitude. Only the period for now; inclination, the Sun's
/// beta angle and eclipses come with the orbit and power model.
/// </summary>
/// <param name="AltitudeKm">Altitude above the equatorial radius, in km.</param>
public sealed record CircularOrbit(double AltitudeKm)
{
    /// <summary>Earth's gravitational parameter, m^3/s^2 (WGS 84).</summary>
    public const double EarthMu = 3.986004418e14;

    /// <summary>Earth's equatorial radius, m (WGS 84).</summary>
    public const double EarthRadiusMeters = 6378137.0;

    /// <summary>The reference orbit of the simulator: 500 km circular (period 94.6 min).</summary>
    public static readonly CircularOrbit Leo500 = new(500);

    /// <summary>Orbital period from Kepler's third law, T = 2 pi sqrt(a^3 / mu), rounded to the millisecond.</summary>
    public TimeSpan Period
    {
        get
        {
            double a = EarthRadiusMeters + (AltitudeKm * 1000.0);
            double seconds = 2.0 * Math.PI * Math.Sqrt(a * a * a / EarthMu);
            return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000.0));
        }
    }
}
