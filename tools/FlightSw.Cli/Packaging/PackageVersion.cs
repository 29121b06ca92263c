using System.Diagnostics;

namespace FlightSw.Cli.Packaging;

/// <summary>The version a package is named after: given, or <c>git describe</c> of the checkout.</summary>
internal static class PackageVersion
{
    /// <summary>The version used when git cannot describe the checkout.</summary>
    public const string Fallback = "0.0.0-dev";

    /// <summary>
    /// <paramref name="given"/> when not null (it must be a file-name-safe version: letters, digits,
    /// <c>. _ + -</c>); else <c>git describe --tags --always --dirty</c> run in <paramref name="repositoryRoot"/>;
    /// else <see cref="Fallback"/>.
    /// </summary>
    /// <exception cref="CliException"><paramref name="given"/> is empty or holds other characters.</exception>
    public static string Resolve(string repositoryRoot, string? given)
    {
        if (given is not null)
        {
            if (!IsValid(given))
            {
                throw new CliException(CliExitCodes.BadInput, $"--version '{given}' must be letters, digits, '.', '_', '+' or '-' (it becomes part of file names).");
            }

            return given;
        }

        string? described = Describe(repositoryRoot);
        return described is not null && IsValid(described) ? described : Fallback;
    }

    /// <summary>True when <paramref name="version"/> is non-empty, at most 64 characters, of letters, digits, <c>. _ + -</c>, not starting with <c>.</c> or <c>-</c>.</summary>
    public static bool IsValid(string version) =>
        version.Length is > 0 and <= 64
        && version[0] is not ('.' or '-')
        && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-');

    /// <summary>The output of <c>git describe --tags --always --dirty</c>, or null when git is missing or fails.</summary>
    private static string? Describe(string repositoryRoot)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = repositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in (string[])["describe", "--tags", "--always", "--dirty"])
            {
                start.ArgumentList.Add(arg);
            }

            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var error = git.StandardError.ReadToEndAsync();
            string output = git.StandardOutput.ReadToEnd().Trim();
            _ = error.Result;
            if (!git.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
