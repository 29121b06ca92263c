namespace FlightSw.Cli.Packaging;

/// <summary>Exit codes of <c>flightsw package</c> beyond the shared ones in <see cref="CliExitCodes"/>.</summary>
internal static class PackageExitCodes
{
    /// <summary>
    /// The board runs on Meadow: it cannot be packaged here. It needs the Wilderness Labs Meadow SDK and
    /// Meadow.CLI, and the Meadow backend (<c>hal/FlightSw.Hal.Meadow</c>) built where the SDK exists.
    /// </summary>
    public const int MeadowNeedsSdk = 4;
}
