using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FlightSw.Cli.Campaign;

/// <summary>A progress column with the task's rate in trials per second.</summary>
internal sealed class TrialRateColumn : ProgressColumn
{
    /// <inheritdoc />
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        string rate = task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:0.0} trials/s") : "-- trials/s";
        return new Text(rate, new Style(foreground: Color.Grey));
    }
}
