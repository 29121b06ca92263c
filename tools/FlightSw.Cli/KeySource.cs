using FlightSw.Link.Security;

namespace FlightSw.Cli;

/// <summary>Finds the key file: <c>--key-file</c>, else <c>$FLIGHTSW_KEY_FILE</c>, else none (the development key, with a warning).</summary>
internal static class KeySource
{
    /// <summary>The environment variable naming the key file, as the node reads it.</summary>
    public const string Variable = "FLIGHTSW_KEY_FILE";

    /// <summary>
    /// Loads the key ring from <paramref name="keyFile"/> or the environment; an empty ring (the
    /// development key) when neither names one, after a warning on standard error.
    /// </summary>
    /// <exception cref="KeyFileException">The file is missing, malformed or readable by others.</exception>
    public static KeyRing Load(string? keyFile, CliEnvironment env)
    {
        string? path = string.IsNullOrWhiteSpace(keyFile) ? env.Variable(Variable) : keyFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            env.Error.WriteLine($"{FlightswCli.Name}: warning: no key file (--key-file or ${Variable}): signing with the development key 0, which only a node started in development mode accepts.");
            return KeyRing.Empty;
        }

        return KeyRing.LoadFile(path);
    }
}
