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
using FlightSw.Link.Service;
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
    /// payload (golden images loaded into ECC regions, and the model the inference job flies)
    /// comes from <paramref name="payload"/>, or from the images folder's manifests when null.
    /// With a <paramref name="link"/>, the image carries the link component, which dispatches the
    /// link's verified telecommands and downlinks events and telemetry.
    /// Every call builds a fresh model from the payload's verified bytes: a boot starts with
    /// memory as the reset left it, so nothing of the last boot's model is trusted.
    /// </summary>
    /// <remarks>
    /// The inference job measures its latency on <see cref="TimeProvider.System"/>: on the
    /// simulated board virtual time stands still while the model computes, and the board clock
    /// would report every inference as instant. The model's weight regions go to the same
    /// scrubber as the payload images, which registers them in the board's memory map, so
    /// radiation and <c>FI_FLIP_BIT</c> reach them and the patrol corrects them.
    /// </remarks>
    public static FlightApplication Compose(IBoard board, FlightApplicationOptions? options = null, FlightPayload? payload = null, LinkService? link = null)
    {
        payload ??= FlightPayload.Load(PayloadImageManifest.DefaultDirectory());

        var app = new FlightApplication(board, options);
        if (link is not null)
        {
            // First of the added components, so the boot's first events are downlinked too.
            app.Add(new LinkComponent(link, app.Events), RateGroupId.Rate10Hz);
        }

        app.Add(new StatusLed(), RateGroupId.Rate10Hz);
        app.Add(new BoardMonitor(), RateGroupId.Rate1Hz);
        app.Add(new PowerManager(), RateGroupId.Rate1Hz);
        app.Add(new LatchUpGuard(), RateGroupId.Rate10Hz);
        app.Add(new PayloadDuty(), RateGroupId.Rate1Hz);
        app.Add(new FaultInjector());
        var regions = payload.Images.Select(CreateRegion).ToList();
        if (payload.Inference is { } inference)
        {
            var model = inference.CreateModel();
            app.Add(inference.CreateJob(model, TimeProvider.System), RateGroupId.Rate1Hz);
            regions.AddRange(model.Regions);
        }

        app.Add(new Scrubber(regions), RateGroupId.Rate10Hz);
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
