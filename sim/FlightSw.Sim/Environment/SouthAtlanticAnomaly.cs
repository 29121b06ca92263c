namespace FlightSw.Sim.Environment;

/// <summary>
/// A coarse footprint of the South Atlantic Anomaly at low-Earth-orbit altitudes (about 400 to
/// 700 km), good enough to tell inside from outside for upset-rate modelling, not a flux model.
/// </summary>
/// <remarks>
/// The footprint is an ellipse in latitude and longitude centred at 25 S, 25 W with semi-axes of
/// 25 degrees of latitude and 65 degrees of longitude, so it spans 50 S to the equator and 90 W to
/// 40 E. That box is the outline of the trapped-proton flux contours (E &gt; 10 MeV) commonly
/// shown from the AP8/AE8 radiation belt models at about 500 km, whose maximum lies near 26 S,
/// 50 W, west of the ellipse's geometric centre. The boundary is exclusive: a point exactly on the
/// ellipse (for example the northern tip on the equator at 25 W) is outside, so an equatorial
/// orbit only touches the footprint and is never inside it. The anomaly's slow westward drift and
/// its altitude dependence are not modelled.
/// </remarks>
public static class SouthAtlanticAnomaly
{
    /// <summary>Latitude of the footprint's centre, degrees (negative is south).</summary>
    public const double CentreLatitudeDegrees = -25.0;

    /// <summary>Longitude of the footprint's centre, degrees east (negative is west).</summary>
    public const double CentreLongitudeDegrees = -25.0;

    /// <summary>Half the footprint's north-south extent, degrees of latitude.</summary>
    public const double LatitudeSemiAxisDegrees = 25.0;

    /// <summary>Half the footprint's east-west extent, degrees of longitude.</summary>
    public const double LongitudeSemiAxisDegrees = 65.0;

    /// <summary>Whether <paramref name="point"/> lies strictly inside the footprint.</summary>
    /// <param name="point">A sub-satellite point; its longitude may be any value and is wrapped.</param>
    /// <returns><see langword="true"/> inside the ellipse, <see langword="false"/> on or outside it.</returns>
    public static bool Contains(GroundPoint point)
    {
        double dLat = (point.LatitudeDegrees - CentreLatitudeDegrees) / LatitudeSemiAxisDegrees;
        double dLon = WrapDegrees(point.LongitudeDegrees - CentreLongitudeDegrees) / LongitudeSemiAxisDegrees;
        return (dLat * dLat) + (dLon * dLon) < 1.0;
    }

    private static double WrapDegrees(double degrees)
    {
        double wrapped = (degrees + 180.0) % 360.0;
        if (wrapped < 0)
        {
            wrapped += 360.0;
        }

        return wrapped - 180.0;
    }
}
