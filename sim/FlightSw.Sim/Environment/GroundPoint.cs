namespace FlightSw.Sim.Environment;

/// <summary>A point on the Earth's surface in geocentric (spherical-Earth) coordinates.</summary>
/// <param name="LatitudeDegrees">Latitude in degrees, -90 (south) to 90 (north).</param>
/// <param name="LongitudeDegrees">Longitude in degrees east, normalised to [-180, 180).</param>
public readonly record struct GroundPoint(double LatitudeDegrees, double LongitudeDegrees);
