using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace FlightSw.Hal.Linux;

/// <summary>
/// Tells systemd how the service is doing (sd_notify): a datagram of <c>NAME=value</c> lines to
/// the AF_UNIX socket named by <c>$NOTIFY_SOCKET</c> (a leading '@' is the abstract namespace).
/// Without that variable (not started by systemd, or not Type=notify) every call does nothing.
/// Sending never throws: a lost notification is systemd's to notice, never a reason to stop flying.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    /// <summary>Variable naming systemd's notification socket.</summary>
    public const string SocketVariable = "NOTIFY_SOCKET";

    /// <summary>Variable holding the service's WatchdogSec= in microseconds.</summary>
    public const string WatchdogMicrosecondsVariable = "WATCHDOG_USEC";

    /// <summary>Variable naming the process the watchdog interval is meant for.</summary>
    public const string WatchdogProcessVariable = "WATCHDOG_PID";

    private readonly Lock _gate = new();
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private Socket? _socket;

    /// <summary>A notifier for the socket at <paramref name="socketAddress"/> (path, or '@name'); disabled when null, empty, or another kind of address.</summary>
    /// <param name="socketAddress">The value of <c>$NOTIFY_SOCKET</c>.</param>
    /// <param name="watchdogInterval">The service's watchdog interval, or null when systemd watches none.</param>
    public SystemdNotifier(string? socketAddress, TimeSpan? watchdogInterval = null)
    {
        if (!string.IsNullOrEmpty(socketAddress) && socketAddress[0] is '/' or '@')
        {
            SocketAddress = socketAddress;
            _endPoint = new UnixDomainSocketEndPoint(socketAddress[0] == '@' ? "\0" + socketAddress[1..] : socketAddress);
        }

        WatchdogInterval = watchdogInterval;
    }

    /// <summary>The socket notifications go to, or null when disabled.</summary>
    public string? SocketAddress { get; }

    /// <summary>Whether there is a socket to notify.</summary>
    public bool IsEnabled => _endPoint is not null;

    /// <summary>
    /// How often systemd expects WATCHDOG=1 at the latest (its WatchdogSec=): from
    /// <c>$WATCHDOG_USEC</c> when <c>$WATCHDOG_PID</c> is unset or names this process; null otherwise.
    /// </summary>
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>The notifier of this process's environment.</summary>
    public static SystemdNotifier FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId);

    /// <summary>The notifier described by <paramref name="variables"/> for the process <paramref name="processId"/>.</summary>
    public static SystemdNotifier FromEnvironment(Func<string, string?> variables, int processId)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new SystemdNotifier(variables(SocketVariable), ParseWatchdogInterval(variables(WatchdogMicrosecondsVariable), variables(WatchdogProcessVariable), processId));
    }

    /// <summary>Startup is complete (READY=1), with a status line when given.</summary>
    public bool Ready(string? status = null) => Notify(status is null ? "READY=1" : "READY=1\n" + StatusLine(status));

    /// <summary>A free-form status line for <c>systemctl status</c> (STATUS=...).</summary>
    public bool Status(string status) => Notify(StatusLine(status));

    /// <summary>The service is stopping (STOPPING=1).</summary>
    public bool Stopping() => Notify("STOPPING=1");

    /// <summary>The service is alive: restarts systemd's watchdog countdown (WATCHDOG=1).</summary>
    public bool Watchdog() => Notify("WATCHDOG=1");

    /// <summary>Sends <paramref name="state"/> (newline-separated NAME=value lines) as one datagram; false when disabled or the send failed.</summary>
    public bool Notify(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_endPoint is null)
        {
            return false;
        }

        byte[] datagram = Encoding.UTF8.GetBytes(state);
        lock (_gate)
        {
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                return _socket.SendTo(datagram, _endPoint) == datagram.Length;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }

    /// <summary>A STATUS= line; newlines would start new assignments, so they become spaces.</summary>
    private static string StatusLine(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return "STATUS=" + status.ReplaceLineEndings(" ");
    }

    private static TimeSpan? ParseWatchdogInterval(string? microseconds, string? forProcess, int processId)
    {
        if (!string.IsNullOrEmpty(forProcess)
            && (!int.TryParse(forProcess, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid != processId))
        {
            return null; // meant for another process (a parent that forked us)
        }

        if (!ulong.TryParse(microseconds, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) || value == 0 || value > long.MaxValue / 10)
        {
            return null;
        }

        return TimeSpan.FromTicks((long)value * 10);
    }
}
