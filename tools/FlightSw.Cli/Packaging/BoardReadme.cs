using System.Text;
using FlightSw.Hal.Boards;

namespace FlightSw.Cli.Packaging;

/// <summary>The package's <c>README.md</c>: what the package is and how to install and run it on its board.</summary>
internal static class BoardReadme
{
    /// <summary>The README's file name.</summary>
    public const string FileName = "README.md";

    /// <summary>Why packages are not trimmed, stated in every README.</summary>
    public const string TrimmingNote =
        "The executable is not trimmed. A trimmed build (PublishTrimmed) does publish without trim warnings " +
        "and flew a simulated orbit, but the node leans on reflection-heavy libraries (System.CommandLine, NLog, " +
        "Spectre.Console, Google.Protobuf) and every test and HIL campaign runs the untrimmed assemblies: the " +
        "package flies what was tested, at the cost of some megabytes.";

    /// <summary>The README for <paramref name="board"/>'s package of <paramref name="version"/>.</summary>
    public static string For(BoardDefinition board, string version)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(version);
        var devices = BoardDevices.Of(board);
        bool selfContained = NodePublisher.IsSelfContained(board.RuntimeIdentifier!);
        string keyFile = board.Link.KeyFile ?? "/etc/flightsw/link.keys";
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"# FlightSw node {version} for {board.Name}");
        Line();
        Line($"The FlightSw flight executable (`flightsw-node`) for **{board.Description}** (board file `{board.Name}.json`,");
        Line($"runtime `{board.RuntimeIdentifier}`), with a systemd unit, udev rules and an installer. Made by");
        Line($"`flightsw package --board {board.Name}`.");
        Line();
        Line("| file | what it is |");
        Line("| --- | --- |");
        Line(NodePublisher.HasAppHost(board.RuntimeIdentifier!)
            ? "| `flightsw-node` | the node (with its libraries, `boards/`, `scenarios/`, `images/`, `nlog.config`) |"
            : "| `flightsw-node.dll` | the node, started by the dotnet host (with its libraries, `boards/`, `scenarios/`, `images/`, `nlog.config`) |");
        Line($"| `{board.Name}.json` | the board file the package was made for (also in `boards/`) |");
        Line($"| `{ServiceUnit.FileName}` | the systemd unit: `Type=notify`, `WatchdogSec={ServiceUnit.WatchdogSeconds(board)}s` (half the board's {board.Watchdog.TimeoutSeconds} s watchdog), restart on failure and on exit 75 (warm reset), not on 2 or 4 |");
        Line($"| `{UdevRules.FileName}` | udev rules giving the node's groups its devices |");
        Line($"| `{InstallScript.FileName}` | the installer |");
        Line("| `MANIFEST.sha256` | SHA-256 of every other file: `sha256sum -c MANIFEST.sha256`, or `flightsw package --verify` on the archive |");
        Line();
        Line("## What the board needs");
        Line();
        if (selfContained)
        {
            Line($"The package is self-contained (the .NET 10 runtime for `{board.RuntimeIdentifier}` is inside): no .NET install is needed.");
            Line("The runtime still takes the C and C++ libraries, ICU and OpenSSL 3 from the system (`libc6`, `libstdc++6`,");
            Line("`libicu72` or later, `libssl3`; the node checks its model's SHA-256 with OpenSSL), as every Debian-based board OS has them.");
        }
        else
        {
            Line($"The package is framework-dependent: the board needs the **.NET 10 runtime** for `{board.RuntimeIdentifier}`");
            Line("(no self-contained runtime pack for it was available where the package was made). The unit starts it");
            Line($"as `{ServiceUnit.Command(board)}`, so `{ServiceUnit.DotnetHost}` must be the .NET 10 host. Install it with");
            Line("Microsoft's script:");
            Line();
            Line("```sh");
            Line("curl -sSL https://dot.net/v1/dotnet-install.sh | sudo bash -s -- --channel 10.0 --runtime dotnet --install-dir /usr/share/dotnet");
            Line("sudo ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet");
            Line("dotnet --list-runtimes   # Microsoft.NETCore.App 10.0.x");
            Line("```");
        }

        Line();
        Line("The devices of the board file, each given to a group by the udev rules (installed as");
        Line($"`/etc/udev/rules.d/{UdevRules.FileName}`) and allowed to the service (`DeviceAllow=`):");
        Line();
        foreach (var device in devices)
        {
            Line($"- `{device.Path}`: {device.What}, group `{device.Group}`");
        }

        Line();
        Line("Enable the buses and the watchdog in the board's device tree or firmware settings so that these");
        Line("exist (on a Raspberry Pi: `dtparam=i2c_arm=on` and `dtparam=watchdog=on` in `/boot/firmware/config.txt`,");
        Line("then reboot), and install `gpiod` with the libgpiod runtime (`libgpiod2` or `libgpiod3`). Nothing else may");
        Line("hold the watchdog: leave `RuntimeWatchdogSec` unset in `/etc/systemd/system.conf` and run no `watchdog` daemon.");
        Line();
        Line("## Install");
        Line();
        Line("```sh");
        Line($"tar -xzf flightsw-node-{board.Name}-{version}.tar.gz");
        Line($"cd flightsw-node-{board.Name}-{version}");
        Line("sha256sum -c --quiet MANIFEST.sha256");
        Line("sudo ./install.sh");
        Line("```");
        Line();
        Line($"`install.sh` creates the groups ({string.Join(", ", BoardDevices.Groups(board).Select(g => $"`{g}`"))}) and the system user `{ServiceUnit.User}`");
        Line($"when missing, copies the package to `{ServiceUnit.InstallDirectory}` (replacing an older one), the unit to");
        Line($"`/etc/systemd/system`, the rules to `/etc/udev/rules.d`, creates `{Path.GetDirectoryName(keyFile)}` and the storage");
        Line($"directory `{board.Storage.Path}`, reloads udev and systemd and enables `{ServiceUnit.FileName}`. It never");
        Line("touches an existing key file. `./install.sh DIR` installs into the folder DIR instead, without root (to");
        Line("look at what would be installed).");
        Line();
        Line("## Keys");
        Line();
        if (board.Link.KeyFile is null)
        {
            Line("The board file names no link key file: the node then flies without authenticated telecommands only");
            Line($"when started with `--insecure-dev-link`. Add `\"keyFile\": \"{keyFile}\"` to the board's `link` section to fly keyed.");
        }
        else
        {
            Line($"The node authenticates telecommands with the keys in `{keyFile}` (the board file's `link.keyFile`).");
            Line("Make one on the ground and give the same file to the node:");
            Line();
            Line("```sh");
            Line($"flightsw keygen link.keys                      # on the ground: mode 0600, key id 1");
            Line($"scp link.keys {board.Name}:/tmp/link.keys");
            Line($"sudo install -m 600 -o {ServiceUnit.User} -g {ServiceUnit.User} /tmp/link.keys {keyFile} && rm /tmp/link.keys");
            Line("```");
            Line();
            Line($"(or, on a board with the ground tool, `sudo flightsw keygen {keyFile}` then");
            Line($"`sudo chown {ServiceUnit.User}:{ServiceUnit.User} {keyFile}` and `sudo chmod 600 {keyFile}`). A key file readable by group or others is refused.");
        }

        Line();
        Line("## Run and check");
        Line();
        Line("```sh");
        Line($"sudo systemctl start {ServiceUnit.FileName}");
        Line("systemctl status flightsw-node      # the node's status line: Flying on " + board.Name + ", reset cause ...");
        Line("journalctl -u flightsw-node -f      # its standard error");
        Line($"tail -f {ServiceUnit.LogDirectory}/flightsw-node.log   # flight events");
        Line("```");
        Line();
        Line($"Persistent records are kept in `{board.Storage.Path}`. The node exits 75 for a warm reset and systemd");
        Line($"restarts it after {ServiceUnit.RestartSeconds} s; a node that stops notifying systemd for {ServiceUnit.WatchdogSeconds(board)} s is killed and restarted, and");
        Line($"the hardware watchdog (`{board.Watchdog.Device}`, {board.Watchdog.TimeoutSeconds} s) resets a board nobody pets. Five failed starts");
        Line("within a minute reboot the board; exits 2 (bad input) and 4 (a device missing) are not restarted: fix the");
        Line("cause (`journalctl -u flightsw-node` names it), then `sudo systemctl restart flightsw-node`. The node reboots the");
        Line("board itself (a commanded power cycle, a latch-up) with `systemctl reboot`, which a system user may do only with a");
        Line("polkit rule: see step 9 of \"Running on a real board\" in the FlightSw README.");
        Line();
        Line("## Build notes");
        Line();
        Line(TrimmingNote);
        return text.ToString();
    }
}
