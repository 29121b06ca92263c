namespace FlightSw.Hal.Boards;

/// <summary>
/// How the node's space link reaches the ground: the node listens for the ground on TCP and, when
/// <see cref="SerialDevice"/> is given, also on a serial port (for example a UART wired to a radio).
/// Read from the optional <c>link</c> section of a board file; <see cref="Default"/> when the section is absent.
/// </summary>
/// <param name="TcpBindAddress">
/// IP address the TCP listener binds to; default <c>127.0.0.1</c> (<see cref="DefaultTcpBindAddress"/>), so
/// only a ground station on the same host (or a tunnel) can connect. From <c>link.tcp.bind</c>.
/// </param>
/// <param name="TcpPort">TCP port the listener binds to, 1 to 65535; default 5170 (<see cref="DefaultTcpPort"/>). From <c>link.tcp.port</c>.</param>
/// <param name="SerialDevice">
/// Serial port the node also listens on (a <c>/dev/...</c> path on Linux); default null, meaning no serial link.
/// From <c>link.serial.device</c>.
/// </param>
/// <param name="SerialBaudRate">
/// Baud rate of <see cref="SerialDevice"/>, one of <see cref="StandardBaudRates"/>; default 115200
/// (<see cref="DefaultSerialBaudRate"/>). From <c>link.serial.baudRate</c>.
/// </param>
/// <param name="KeyFile">
/// File holding the link authentication keys (an absolute path on linux and meadow boards); default null,
/// meaning the board file names none. From <c>link.keyFile</c>.
/// </param>
public sealed record LinkSettings(
    string TcpBindAddress = LinkSettings.DefaultTcpBindAddress,
    int TcpPort = LinkSettings.DefaultTcpPort,
    string? SerialDevice = null,
    int SerialBaudRate = LinkSettings.DefaultSerialBaudRate,
    string? KeyFile = null)
{
    /// <summary>Default <see cref="TcpBindAddress"/>: <c>127.0.0.1</c>, the IPv4 loopback address.</summary>
    public const string DefaultTcpBindAddress = "127.0.0.1";

    /// <summary>Default <see cref="TcpPort"/>: 5170.</summary>
    public const int DefaultTcpPort = 5170;

    /// <summary>Default <see cref="SerialBaudRate"/>: 115200.</summary>
    public const int DefaultSerialBaudRate = 115200;

    /// <summary>
    /// The link of a board file without a <c>link</c> section: TCP on 127.0.0.1 port 5170, no serial
    /// link (baud rate 115200 should one be added), no key file.
    /// </summary>
    public static LinkSettings Default { get; } = new();

    /// <summary>The baud rates <see cref="SerialBaudRate"/> may take, in ascending order: 9600 to 921600.</summary>
    public static IReadOnlyList<int> StandardBaudRates { get; } = [9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600];

    /// <summary>True when the node also listens on a serial port (<see cref="SerialDevice"/> is given).</summary>
    public bool HasSerial => SerialDevice is not null;
}
