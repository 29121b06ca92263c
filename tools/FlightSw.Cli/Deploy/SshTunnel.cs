using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FlightSw.Cli.Deploy;

/// <summary>
/// <c>ssh -N -L</c>: a local port on 127.0.0.1 forwarded to a port on the host's own 127.0.0.1,
/// where the node's link listens by default. Disposing it ends the ssh process.
/// </summary>
internal sealed class SshTunnel : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();

    private SshTunnel(Process process, int localPort)
    {
        _process = process;
        LocalPort = localPort;
    }

    /// <summary>The local port to connect to.</summary>
    public int LocalPort { get; }

    /// <summary>Whether the ssh process has ended (the tunnel is gone).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What ssh wrote to standard error, as one line.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return new ProcessOutcome(HasExited ? _process.ExitCode : 0, "", _error.ToString(), TimedOut: false).Message;
            }
        }
    }

    /// <summary>Starts ssh forwarding a free local port to the host's 127.0.0.1:<paramref name="remotePort"/>.</summary>
    /// <exception cref="CliException">ssh cannot be started.</exception>
    public static SshTunnel Open(SshTarget target, int remotePort)
    {
        ArgumentNullException.ThrowIfNull(target);
        int localPort = FreeLocalPort();
        var process = new Process { StartInfo = ChildProcess.StartInfo("ssh", target.Tunnel(localPort, remotePort)) };
        var tunnel = new SshTunnel(process, localPort);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (tunnel._error)
                {
                    tunnel._error.AppendLine(line.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        try
        {
            ChildProcess.Start(process, "ssh");
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return tunnel;
    }

    /// <summary>Ends the ssh process.</summary>
    public void Dispose()
    {
        ChildProcess.Kill(_process);
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private static int FreeLocalPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
