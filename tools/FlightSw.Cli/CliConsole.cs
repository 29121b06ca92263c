using Spectre.Console;

namespace FlightSw.Cli;

/// <summary>The Spectre console <c>flightsw</c> draws tables on: live and coloured on a terminal, plain and wide into a file or pipe.</summary>
internal static class CliConsole
{
    /// <summary>Width of tables written to a file or pipe, so rows are not wrapped.</summary>
    public const int RedirectedWidth = 160;

    /// <summary>A console writing to <paramref name="env"/>'s standard output.</summary>
    public static IAnsiConsole Create(CliEnvironment env)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(env.Out),
            Ansi = env.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = env.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = env.Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!env.Interactive)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
