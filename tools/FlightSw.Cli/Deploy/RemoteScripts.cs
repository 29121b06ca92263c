using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Deploy;

/// <summary>The POSIX shell command lines <c>flightsw deploy</c> runs on the host over ssh.</summary>
internal static class RemoteScripts
{
    /// <summary>The systemd unit's name.</summary>
    public const string Unit = "flightsw-node";

    /// <summary>Succeeds only where systemd runs: systemctl present and <c>/run/systemd/system</c> there.</summary>
    public const string SystemdCheck = "command -v systemctl >/dev/null && test -d /run/systemd/system";

    /// <summary>Makes a temporary folder and prints its path.</summary>
    public const string MakeTemporaryFolder = "mktemp -d";

    /// <summary>Enables and starts the unit, through <c>sudo -n</c> unless root.</summary>
    public const string EnableAndStart = "if [ \"$(id -u)\" -eq 0 ]; then systemctl enable " + Unit + " && systemctl restart " + Unit + "; else sudo -n systemctl enable " + Unit + " && sudo -n systemctl restart " + Unit + "; fi";

    /// <summary>Where a <c>--prefix</c> run keeps the node's pid, under the prefix.</summary>
    public const string PidFile = "run/flightsw-node.pid";

    /// <summary>Where a <c>--prefix</c> run writes the node's output, under the prefix.</summary>
    public const string LogFile = "var/log/flightsw-node.log";

    /// <summary>
    /// Unpacks <paramref name="archiveName"/> in <paramref name="folder"/>, runs its <c>install.sh</c> (into
    /// <paramref name="prefix"/> when given, else into / as root or through <c>sudo -n</c>), then removes the folder.
    /// </summary>
    public static string Install(string folder, string archiveName, string packageFolder, string? prefix)
    {
        string install = prefix is null
            ? "if [ \"$(id -u)\" -eq 0 ]; then ./" + InstallScript.FileName + "; else sudo -n ./" + InstallScript.FileName + "; fi"
            : $"mkdir -p {Quote(prefix)} && ./{InstallScript.FileName} {Quote(prefix)}";
        return $"cd {Quote(folder)} && tar -xzf {Quote(archiveName)} && cd {Quote(packageFolder)} && {{ {install}; }}; status=$?; cd /; rm -rf {Quote(folder)}; exit $status";
    }

    /// <summary>
    /// Starts the node installed under <paramref name="prefix"/> in the background with <c>nohup</c>, arguments
    /// <paramref name="arguments"/> (a shell command line), output to PREFIX/<see cref="LogFile"/> and its pid in
    /// PREFIX/<see cref="PidFile"/>; a node already started that way is stopped first. Fails, quoting the
    /// log's end, when the node is gone a second later.
    /// </summary>
    public static string StartInPrefix(string prefix, string arguments)
    {
        string root = Quote(prefix.TrimEnd('/'));
        return $$"""
            P={{root}}
            mkdir -p "$P/run" "$P/var/log/flightsw" || exit 1
            if [ -f "$P/{{PidFile}}" ] && kill -0 "$(cat "$P/{{PidFile}}")" 2>/dev/null; then kill "$(cat "$P/{{PidFile}}")"; sleep 1; fi
            cd "$P{{ServiceUnit.InstallDirectory}}" || exit 1
            if [ -x ./{{ServiceUnit.Executable}} ]; then set -- ./{{ServiceUnit.Executable}}; else set -- dotnet ./{{ServiceUnit.Assembly}}; fi
            FLIGHTSW_LOG_DIR="$P/var/log/flightsw" nohup "$@" {{arguments}} </dev/null >"$P/{{LogFile}}" 2>&1 &
            echo $! >"$P/{{PidFile}}"
            sleep 1
            if ! kill -0 "$(cat "$P/{{PidFile}}")" 2>/dev/null; then echo "the node exited at once: $(tail -n 5 "$P/{{LogFile}}" | tr '\n' ' ')" >&2; exit 1; fi
            """.ReplaceLineEndings("\n");
    }

    /// <summary><paramref name="text"/> as one single-quoted shell word.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
