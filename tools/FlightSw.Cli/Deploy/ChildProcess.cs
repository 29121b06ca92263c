using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace FlightSw.Cli.Deploy;

/// <summary>Runs a program (ssh, scp) to its end with a time limit, its output captured and no standard input.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; killed (with its children) after <paramref name="limit"/>.</summary>
    /// <exception cref="CliException">The program cannot be started (not installed).</exception>
    public static ProcessOutcome Run(string program, IReadOnlyList<string> arguments, TimeSpan limit)
    {
        using var process = new Process { StartInfo = StartInfo(program, arguments) };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(error, line.Data);
        Start(process, program);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool timedOut = !process.WaitForExit(limit);
        if (timedOut)
        {
            Kill(process);
        }

        process.WaitForExit();
        lock (output)
        {
            lock (error)
            {
                return new ProcessOutcome(timedOut ? -1 : process.ExitCode, output.ToString(), error.ToString(), timedOut);
            }
        }
    }

    /// <summary>The start information: no shell, every stream redirected.</summary>
    public static ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Starts <paramref name="process"/>; a missing program is a <see cref="CliException"/> saying to install it.</summary>
    public static void Start(Process process, string program)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new CliException(CliExitCodes.Failed, $"cannot run {program}: {ex.Message}; install the OpenSSH client (Debian: apt-get install openssh-client).");
        }
    }

    /// <summary>Kills <paramref name="process"/> and its children, if it still runs.</summary>
    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
