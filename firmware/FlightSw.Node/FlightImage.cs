using FlightSw.Core.Application;
using FlightSw.Core.BoardMonitor;
using FlightSw.Core.FaultInjection;
using FlightSw.Core.LatchUp;
using FlightSw.Core.PayloadDuty;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Core.StatusLed;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;
using FlightSw.Edac.Scrubbing;
using FlightSw.Hal;
using FlightSw.Node.Payload;

namespace FlightSw.Node;

/// <summary>
/// What gets flashed: the node's composition of components. The same image boots on the
/// simulated board and on hardware; only the <see cref="IBoard"/> differs.
/// </summary>
public static class FlightImage
{
    /// <summary>
    /// Composes the node's components on <paramref name="board"/>; the caller starts it. The
    /// payload images (golden files loaded into ECC regions and patrolled by the scrubber) come
    /// from <paramref name="images"/>, or from the images folder's manifest when null.
    /// </summary>
    public static FlightApplication Compose(IBoard board, FlightApplicationOptions? options = null, IReadOnlyList<PayloadImage>? images = null)
    {
        images ??= PayloadImageManifest.Load(PayloadImageManifest.DefaultDirectory());

        var app = new FlightApplication(board, options);
        app.Add(new StatusLed(), RateGroupId.Rate10Hz);
        app.Add(new BoardMonitor(), RateGroupId.Rate1Hz);
        app.Add(new PowerManager(), RateGroupId.Rate1Hz);
        app.Add(new LatchUpGuard(), RateGroupId.Rate10Hz);
        app.Add(new PayloadDuty(), RateGroupId.Rate1Hz);
        app.Add(new FaultInjector());
        app.Add(new Scrubber([.. images.Select(CreateRegion)]), RateGroupId.Rate10Hz);
        return app;
    }

    private static EccRegion CreateRegion(PayloadImage image) => new(new EccRegionOptions
    {
        Name = image.Region,
        WordCount = image.WordCount,
        Importance = image.Importance,
        InterleaveDepth = image.InterleaveDepth,
        Recovery = RegionRecovery.ReloadFromGolden(image.Golden),
    });
}
