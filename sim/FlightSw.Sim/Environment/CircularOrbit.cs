namespace FlightSw.Sim.Environment;

/// <summary>
/// A circular Earth orbit around a spherical Earth: period, the Sun's beta angle and eclipses in
/// the cylindrical shadow, and the sub-satellite point over a uniformly rotating Earth. The Sun
/// is fixed in the orbit frame (no seasonal drift, no nodal precession).
/// </summary>
/// <remarks>
/// The geometry uses <see cref="Math.Sin(double)"/>, <see cref="Math.Cos(double)"/>,
/// <see cref="Math.Acos(double)"/> and friends, whose last bit may differ between processors
/// (x64, ARM). Results are deterministic on one machine, but an eclipse boundary that falls within
/// a rounding error of a millisecond may move by that millisecond on another processor. Use these
/// queries for geometry, planning and tests; do not let them decide event times that must be
/// bit-identical across machines (see <see cref="SensorNoise"/>).
/// </remarks>
/// <param name="AltitudeKm">Altitude above the equatorial radius, in km; finite and above zero.</param>
public sealed record CircularOrbit(double AltitudeKm)
{
    /// <summary>Earth's gravitational parameter, m^3/s^2 (WGS 84).</summary>
    public const double EarthMu = 3.986004418e14;

    /// <summary>Earth's equatorial radius, m (WGS 84).</summary>
    public const double EarthRadiusMeters = 6378137.0;

    /// <summary>Earth's rotation rate relative to the stars, rad/s (WGS 84).</summary>
    public const double EarthRotationRadiansPerSecond = 7.2921159e-5;

    /// <summary>The reference orbit of the simulator: 500 km circular (period 94.6 min).</summary>
    public static readonly CircularOrbit Leo500 = new(500);

    private const double DegreesPerRadian = 180.0 / Math.PI;

    /// <summary>Altitude above the equatorial radius, in km; finite and above zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite, or zero or below.</exception>
    public double AltitudeKm
    {
        get;
        init => field = ValidAltitude(value);
    } = ValidAltitude(AltitudeKm);

    /// <summary>Inclination of the orbit plane to the equator, degrees, 0 to 180; 0 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite, or outside 0 to 180.</exception>
    public double InclinationDegrees
    {
        get;
        init => field = Finite(value, 0.0, 180.0, nameof(InclinationDegrees), "Inclination");
    }

    /// <summary>The Sun's angle above the orbit plane (beta), degrees, -90 to 90; 0 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite, or outside -90 to 90.</exception>
    public double BetaDegrees
    {
        get;
        init => field = Finite(value, -90.0, 90.0, nameof(BetaDegrees), "Beta");
    }

    /// <summary>
    /// Where the Sun's projection onto the orbit plane lies, as an argument of latitude measured
    /// from the ascending node, degrees; 0 by default. Eclipses are centred half an orbit away.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite.</exception>
    public double SunArgumentOfLatitudeDegrees
    {
        get;
        init => field = Finite(value, double.MinValue, double.MaxValue, nameof(SunArgumentOfLatitudeDegrees), "Sun argument of latitude");
    }

    /// <summary>Earth-fixed longitude of the ascending node at t = 0, degrees east; 0 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite.</exception>
    public double AscendingNodeLongitudeDegrees
    {
        get;
        init => field = Finite(value, double.MinValue, double.MaxValue, nameof(AscendingNodeLongitudeDegrees), "Ascending node longitude");
    }

    /// <summary>The satellite's argument of latitude (angle from the ascending node) at t = 0, degrees; 0 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite.</exception>
    public double ArgumentOfLatitudeAtEpochDegrees
    {
        get;
        init => field = Finite(value, double.MinValue, double.MaxValue, nameof(ArgumentOfLatitudeAtEpochDegrees), "Argument of latitude at epoch");
    }

    /// <summary>Orbital period from Kepler's third law, T = 2 pi sqrt(a^3 / mu), rounded to the millisecond.</summary>
    public TimeSpan Period
    {
        get
        {
            double a = RadiusMeters;
            double seconds = 2.0 * Math.PI * Math.Sqrt(a * a * a / EarthMu);
            return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000.0));
        }
    }

    /// <summary>
    /// The beta angle above which the orbit never enters the shadow, beta* = asin(R / (R + h)),
    /// in degrees (68.0 at 500 km).
    /// </summary>
    public double CriticalBetaDegrees => Math.Asin(EarthRadiusMeters / RadiusMeters) * DegreesPerRadian;

    /// <summary>
    /// Fraction of each orbit spent in the cylindrical shadow:
    /// f = arccos(sqrt(h^2 + 2 R h) / ((R + h) cos beta)) / pi when |beta| is below
    /// <see cref="CriticalBetaDegrees"/>, else 0 (37.8 % at 500 km and beta 0).
    /// </summary>
    public double EclipseFraction
    {
        get
        {
            if (Math.Abs(BetaDegrees) >= CriticalBetaDegrees)
            {
                return 0.0;
            }

            double h = AltitudeKm * 1000.0;
            double ratio = Math.Sqrt((h * h) + (2.0 * EarthRadiusMeters * h)) / (RadiusMeters * Math.Cos(BetaDegrees / DegreesPerRadian));
            return ratio >= 1.0 ? 0.0 : Math.Acos(ratio) / Math.PI;
        }
    }

    /// <summary>Time in shadow per orbit, <see cref="EclipseFraction"/> of <see cref="Period"/>, rounded to the millisecond.</summary>
    public TimeSpan EclipseDuration => TimeSpan.FromMilliseconds(Math.Round(EclipseFraction * Period.TotalMilliseconds));

    private double RadiusMeters => EarthRadiusMeters + (AltitudeKm * 1000.0);

    /// <summary>
    /// Whether the satellite is in the Earth's cylindrical shadow at <paramref name="sinceEpoch"/>:
    /// with r its position and s the unit vector to the Sun, when r.s &lt; 0 and
    /// |r|^2 - (r.s)^2 &lt; R^2.
    /// </summary>
    /// <param name="sinceEpoch">Time since t = 0.</param>
    /// <returns><see langword="true"/> in shadow.</returns>
    public bool IsInEclipse(TimeSpan sinceEpoch)
    {
        double u = ArgumentOfLatitudeRadians(sinceEpoch);
        double beta = BetaDegrees / DegreesPerRadian;
        double sunU = SunArgumentOfLatitudeDegrees / DegreesPerRadian;
        double radius = RadiusMeters;
        double rDotS = radius * Math.Cos(beta) * ((Math.Cos(u) * Math.Cos(sunU)) + (Math.Sin(u) * Math.Sin(sunU)));
        return rDotS < 0 && (radius * radius) - (rDotS * rDotS) < EarthRadiusMeters * EarthRadiusMeters;
    }

    /// <summary>
    /// The first shadow interval that begins at or after <paramref name="after"/>, on the
    /// millisecond grid: <see cref="IsInEclipse"/> is false one millisecond before Entry, true at
    /// Entry and one millisecond before Exit, and false at Exit. An eclipse already under way at
    /// <paramref name="after"/> is skipped. Found from the geometry (the shadow is centred half an
    /// orbit from the Sun and lasts <see cref="EclipseFraction"/> of it), then settled against
    /// <see cref="IsInEclipse"/> to the millisecond.
    /// </summary>
    /// <param name="after">Earliest entry time of interest, since t = 0.</param>
    /// <returns>The interval, or <see langword="null"/> when the orbit never enters the shadow
    /// (or the shadow is too short to resolve on the millisecond grid).</returns>
    public (TimeSpan Entry, TimeSpan Exit)? NextEclipse(TimeSpan after)
    {
        const int MaxSteps = 100_000;
        double fraction = EclipseFraction;
        if (fraction <= 0.0)
        {
            return null;
        }

        long start = after.Ticks / TimeSpan.TicksPerMillisecond;
        if (after.Ticks % TimeSpan.TicksPerMillisecond > 0)
        {
            start++;
        }

        double periodMs = Period.TotalMilliseconds;
        long entry;
        if (InAt(start) && !InAt(start - 1))
        {
            entry = start;
        }
        else
        {
            double uNow = ArgumentOfLatitudeRadians(TimeSpan.FromTicks(start * TimeSpan.TicksPerMillisecond)) * DegreesPerRadian;
            double entryAngle = SunArgumentOfLatitudeDegrees + 180.0 - (180.0 * fraction);
            double ahead = (entryAngle - uNow) % 360.0;
            if (ahead < 0)
            {
                ahead += 360.0;
            }

            entry = start + (long)Math.Round(ahead / 360.0 * periodMs);
            for (int i = 0; i < MaxSteps && entry > start && InAt(entry - 1); i++)
            {
                entry--;
            }

            int steps = 0;
            while (!InAt(entry))
            {
                if (++steps > MaxSteps)
                {
                    return null;
                }

                entry++;
            }
        }

        long exit = entry + Math.Max(1L, (long)Math.Round(fraction * periodMs));
        for (int i = 0; i < MaxSteps && InAt(exit); i++)
        {
            exit++;
        }

        for (int i = 0; i < MaxSteps && exit - 1 > entry && !InAt(exit - 1); i++)
        {
            exit--;
        }

        return (TimeSpan.FromTicks(entry * TimeSpan.TicksPerMillisecond), TimeSpan.FromTicks(exit * TimeSpan.TicksPerMillisecond));
    }

    /// <summary>
    /// The point on the Earth below the satellite at <paramref name="sinceEpoch"/>:
    /// latitude asin(sin i sin u), longitude node + atan2(cos i sin u, cos u) minus the Earth's
    /// rotation since t = 0, normalised to [-180, 180).
    /// </summary>
    /// <param name="sinceEpoch">Time since t = 0.</param>
    /// <returns>Geocentric latitude and longitude in degrees.</returns>
    public GroundPoint SubSatellitePoint(TimeSpan sinceEpoch)
    {
        double u = ArgumentOfLatitudeRadians(sinceEpoch);
        double inclination = InclinationDegrees / DegreesPerRadian;
        double latitude = Math.Asin(Math.Sin(inclination) * Math.Sin(u)) * DegreesPerRadian;
        double inPlane = Math.Atan2(Math.Cos(inclination) * Math.Sin(u), Math.Cos(u)) * DegreesPerRadian;
        double rotation = (EarthRotationRadiansPerSecond * DegreesPerRadian * sinceEpoch.TotalSeconds) % 360.0;
        return new GroundPoint(latitude, WrapLongitude(AscendingNodeLongitudeDegrees + inPlane - rotation));
    }

    private static double WrapLongitude(double degrees)
    {
        double wrapped = (degrees + 180.0) % 360.0;
        if (wrapped < 0)
        {
            wrapped += 360.0;
        }

        // Guards the rounding case where a tiny negative plus 360 lands exactly on 360.
        return wrapped >= 360.0 ? -180.0 : wrapped - 180.0;
    }

    private static double ValidAltitude(double km) =>
        double.IsFinite(km) && km > 0
            ? km
            : throw new ArgumentOutOfRangeException(nameof(AltitudeKm), km, "Altitude must be a finite number of km above zero.");

    private static double Finite(double value, double min, double max, string name, string label)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"{label} must be a finite number of degrees."));
        }

        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"{label} must be between {min:0} and {max:0} degrees."));
        }

        return value;
    }

    private bool InAt(long milliseconds) => IsInEclipse(TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond));

    /// <summary>u(t) = u0 + 360 t / T, reduced to one turn before converting to radians.</summary>
    private double ArgumentOfLatitudeRadians(TimeSpan sinceEpoch)
    {
        double orbits = sinceEpoch.Ticks / (double)Period.Ticks;
        double turn = orbits - Math.Floor(orbits);
        double degrees = (ArgumentOfLatitudeAtEpochDegrees % 360.0) + (360.0 * turn);
        return degrees / DegreesPerRadian;
    }
}
