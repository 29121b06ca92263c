using System.Globalization;
using FlightSw.Campaigns.Running;
using Spectre.Console;

namespace FlightSw.Cli.Campaign;

/// <summary>
/// Shows a run's progress: a Spectre progress bar with the trial rate and time left on a
/// terminal; into a file or pipe, one plain line every ten seconds (and at the end), so CI logs
/// stay readable.
/// </summary>
internal static class CampaignProgressView
{
    private static readonly TimeSpan PlainPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="run"/>, handing it the progress callback to call.</summary>
    public static RunSummary Show(CliEnvironment env, string title, Func<Action<CampaignProgress>, RunSummary> run)
    {
        if (!env.Interactive)
        {
            TimeSpan? lastLine = null;
            return run(progress =>
            {
                bool finished = progress.Done >= progress.Total;
                if (finished || lastLine is not { } last || progress.Elapsed - last >= PlainPeriod)
                {
                    lastLine = progress.Elapsed;
                    env.Out.WriteLine(Line(progress));
                }
            });
        }

        RunSummary? summary = null;
        CliConsole.Create(env).Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title));
                summary = run(progress =>
                {
                    // Rate and time left are this run's (a resumed run starts its clock at the
                    // trials it found), not Spectre's, which would count those as done just now.
                    task.MaxValue = Math.Max(1, progress.Total);
                    task.Value = progress.Done;
                    task.Description = Markup.Escape($"{title}  {Rate(progress)}");
                });
            });
        return summary!;
    }

    /// <summary>One plain progress line.</summary>
    public static string Line(CampaignProgress progress)
    {
        double percent = progress.Total == 0 ? 100 : 100.0 * progress.Done / progress.Total;
        string eta = progress.Eta is { } left ? $", {Seconds(left)} left" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{progress.Done}/{progress.Total} trials ({percent:0.0} %), {progress.Rate:0.0} trials/s{eta}");
    }

    private static string Rate(CampaignProgress progress) => progress.Eta is { } left
        ? string.Create(CultureInfo.InvariantCulture, $"{progress.Rate:0} trials/s, {Seconds(left)} left")
        : "starting";

    private static string Seconds(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s")
        : span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
