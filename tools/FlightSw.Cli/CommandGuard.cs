using System.Net.Sockets;
using FlightSw.Ground;
using FlightSw.Link.Security;

namespace FlightSw.Cli;

/// <summary>
/// Runs a command's work and turns every failure into one clear line on standard error and the
/// exit code that says what kind of failure it was; never a stack trace.
/// </summary>
internal static class CommandGuard
{
    /// <summary>Runs <paramref name="work"/>; its result, or the exit code of its failure.</summary>
    public static int Run(CliEnvironment env, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex)
        {
            var (code, message) = Classify(ex);
            env.Error.WriteLine($"{FlightswCli.Name}: {message}");
            return code;
        }
    }

    /// <summary>The exit code and the one-line message for <paramref name="ex"/>.</summary>
    public static (int Code, string Message) Classify(Exception ex) => ex switch
    {
        CliException cli => (cli.ExitCode, cli.Message),
        KeyFileException => (CliExitCodes.BadInput, ex.Message),
        TelecommandRefusedException { Refusal: LinkRefusal.DevelopmentKeyRefused } => (CliExitCodes.Failed, $"{ex.Message} (give the node's key: --key-file FILE or ${KeySource.Variable})"),
        TelecommandRefusedException => (CliExitCodes.Failed, ex.Message),
        TimeoutException or IOException or SocketException => (CliExitCodes.NoAnswer, ex.Message),
        OperationCanceledException => (CliExitCodes.Interrupted, "interrupted"),
        ArgumentException => (CliExitCodes.BadInput, ex.Message),
        UnauthorizedAccessException => (CliExitCodes.BadInput, ex.Message),
        _ => (CliExitCodes.Failed, $"unexpected {ex.GetType().Name}: {ex.Message}"),
    };
}
