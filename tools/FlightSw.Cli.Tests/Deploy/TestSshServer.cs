using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FlightSw.Cli.Tests.Deploy;

/// <summary>
/// Debian's sshd run as a child process on 127.0.0.1 with its own config, host key and one
/// authorised user key, all in a temporary folder; for the deploy tests.
/// </summary>
internal sealed class TestSshServer : IDisposable
{
    /// <summary>Where Debian's openssh-server puts the daemon.</summary>
    public const string Daemon = "/usr/sbin/sshd";

    /// <summary>Debian's SFTP server, which scp uses.</summary>
    public const string SftpServer = "/usr/lib/openssh/sftp-server";

    private readonly Process _process;
    private readonly StringBuilder _log;

    private TestSshServer(Process process, StringBuilder log, int port, string userKey)
    {
        _process = process;
        _log = log;
        Port = port;
        UserKey = userKey;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The private key it accepts for the current user.</summary>
    public string UserKey { get; }

    /// <summary>USER@127.0.0.1 for the current user.</summary>
    public static string Destination => $"{Environment.UserName}@127.0.0.1";

    /// <summary>The ssh options a test passes: no host key checks, nothing remembered.</summary>
    public static IReadOnlyList<string> ClientOptions => ["StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "LogLevel=ERROR"];

    /// <summary>What sshd logged (-e) so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Whether sshd and ssh-keygen are installed.</summary>
    public static bool Available => File.Exists(Daemon) && File.Exists(SftpServer) && OnPath("ssh-keygen") && OnPath("ssh") && OnPath("scp");

    /// <summary>Generates the keys and config in <paramref name="folder"/> and starts sshd; waits until it accepts connections.</summary>
    public static TestSshServer Start(string folder)
    {
        string hostKey = Path.Combine(folder, "ssh_host_ed25519_key");
        string userKey = Path.Combine(folder, "id_ed25519");
        KeyGen(hostKey);
        KeyGen(userKey);
        string authorized = Path.Combine(folder, "authorized_keys");
        File.Copy(userKey + ".pub", authorized);
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd");   // sshd's privilege separation folder
        }

        int port = FreePort();
        string config = Path.Combine(folder, "sshd_config");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            AuthorizedKeysFile {authorized}
            PidFile {Path.Combine(folder, "sshd.pid")}
            UsePAM no
            StrictModes no
            PermitRootLogin yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            AllowTcpForwarding yes
            Subsystem sftp {SftpServer}

            """));
        var start = new ProcessStartInfo(Daemon) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { lock (log) { log.AppendLine(line.Data); } } };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new TestSshServer(process, log, port, userKey);
        var clock = Stopwatch.StartNew();
        while (!Accepts(port))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                string why = server.Log;
                server.Dispose();
                throw new InvalidOperationException($"sshd did not start listening on 127.0.0.1:{port}: {why}");
            }

            Thread.Sleep(50);
        }

        return server;
    }

    /// <summary>Stops sshd.</summary>
    public void Dispose()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended already.
        }

        _process.WaitForExit(5000);
        _process.Dispose();
    }

    /// <summary>A loopback port nothing listens on (free a moment ago).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void KeyGen(string file)
    {
        var start = new ProcessStartInfo("ssh-keygen") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-q", "-t", "ed25519", "-N", "", "-f", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh-keygen {file} failed: {error}");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
