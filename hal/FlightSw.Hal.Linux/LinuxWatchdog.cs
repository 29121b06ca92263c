namespace FlightSw.Hal.Linux;

/// <summary>
/// The hardware watchdog of a Linux board through its device (<c>/dev/watchdog</c>), by the
/// kernel's watchdog API: opening the device arms it, WDIOC_SETTIMEOUT sets the timeout,
/// WDIOC_KEEPALIVE (or any write) pets it, and writing 'V' before closing (the magic close)
/// disarms it. Closing without the magic close leaves it armed, so a process that dies without
/// an orderly stop is followed by a board reset unless a new process opens it in time.
/// </summary>
/// <remarks>
/// Where the device does not take the ioctls (a driver without them, or a regular file standing
/// in for the device in tests) the watchdog is petted by writing one byte, which every Linux
/// watchdog driver accepts as a keep-alive. Thread-safe.
/// </remarks>
public sealed class LinuxWatchdog : IWatchdog, IDisposable
{
    /// <summary>Byte written to pet when the keep-alive ioctl is unavailable (any byte but 'V' keeps the device armed on close).</summary>
    public const byte KeepAliveByte = 0;

    /// <summary>Byte written before closing in an orderly stop: the magic close that disarms the watchdog.</summary>
    public const byte MagicCloseByte = (byte)'V';

    private readonly Lock _gate = new();
    private int _fd = -1;

    /// <summary>Describes the watchdog at <paramref name="devicePath"/>; nothing is opened until <see cref="Start"/>.</summary>
    /// <param name="devicePath">The device, for example <c>/dev/watchdog</c>.</param>
    /// <param name="timeout">Timeout to ask for, whole seconds from 1.</param>
    public LinuxWatchdog(string devicePath, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        if (timeout < TimeSpan.FromSeconds(1) || timeout.Ticks % TimeSpan.TicksPerSecond != 0 || timeout.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The watchdog timeout is whole seconds, at least 1.");
        }

        DevicePath = devicePath;
        RequestedTimeout = timeout;
        Timeout = timeout;
    }

    /// <summary>The device path.</summary>
    public string DevicePath { get; }

    /// <summary>The timeout asked for.</summary>
    public TimeSpan RequestedTimeout { get; }

    /// <summary>
    /// The timeout: after <see cref="Start"/> the one the driver reports (WDIOC_GETTIMEOUT), which
    /// differs from <see cref="RequestedTimeout"/> when the hardware cannot do that value; the
    /// requested one when the driver does not tell.
    /// </summary>
    public TimeSpan Timeout { get; private set; }

    /// <inheritdoc />
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _fd >= 0;
            }
        }
    }

    /// <summary>Whether pets are writes because the device does not take WDIOC_KEEPALIVE; known after <see cref="Start"/>.</summary>
    public bool PetsByWrite { get; private set; }

    /// <summary>Opens (arms) the device and sets the timeout; pets it when already started.</summary>
    /// <exception cref="IOException">The device cannot be opened (missing, no permission, busy).</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_fd >= 0)
            {
                PetOpen();
                return;
            }

            _fd = OpenDevice();
            ConfigureTimeout();
        }
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The device refused the keep-alive.</exception>
    public void Pet()
    {
        lock (_gate)
        {
            if (_fd < 0)
            {
                throw new InvalidOperationException($"The watchdog {DevicePath} is not started; start it before petting it.");
            }

            PetOpen();
        }
    }

    /// <summary>Disarms the watchdog with the magic close (write 'V', then close); does nothing when not started.</summary>
    /// <exception cref="IOException">The magic byte could not be written: the device is closed but may stay armed.</exception>
    public void Stop()
    {
        lock (_gate)
        {
            if (_fd < 0)
            {
                return;
            }

            string? failure = LibC.WriteByte(_fd, MagicCloseByte) ? null : LibC.LastError().Text;
            CloseDevice();
            if (failure is not null)
            {
                throw new IOException($"Cannot write the magic close to watchdog {DevicePath}: {failure}; it may stay armed.");
            }
        }
    }

    /// <summary>
    /// Why the board last rebooted, by WDIOC_GETBOOTSTATUS; null when the device does not answer
    /// that ioctl. When the watchdog is not started the device is opened for the question and
    /// closed without the magic close, so it stays armed (with the driver's current timeout) until
    /// <see cref="Start"/>: a node that crashes before then still gets a watchdog reset.
    /// </summary>
    /// <exception cref="IOException">The device cannot be opened.</exception>
    public WatchdogStatusFlags? ReadBootStatus()
    {
        lock (_gate)
        {
            if (_fd >= 0)
            {
                return QueryBootStatus(_fd);
            }

            int fd = OpenDevice();
            try
            {
                return QueryBootStatus(fd);
            }
            finally
            {
                // No magic close: a watchdog the previous run left armed stays armed (and opening
                // arms one that was not), so a crash before the health monitor starts still ends
                // in a watchdog reset rather than a dead board.
                LibC.Close(fd);
            }
        }
    }

    /// <summary>Closes the device without the magic close: an armed watchdog stays armed, as when the process dies.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_fd >= 0)
            {
                CloseDevice();
            }
        }
    }

    private static WatchdogStatusFlags? QueryBootStatus(int fd)
    {
        int flags = 0;
        return LibC.Ioctl(fd, WatchdogIoctl.GetBootStatus, ref flags) == 0 ? (WatchdogStatusFlags)flags : null;
    }

    private int OpenDevice()
    {
        int fd = LibC.Open(DevicePath, LibC.OpenWriteOnly | LibC.OpenCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Cannot open watchdog {DevicePath}: {LibC.LastError().Text}.");
        }

        return fd;
    }

    private void ConfigureTimeout()
    {
        int seconds = (int)RequestedTimeout.TotalSeconds;
        bool set = LibC.Ioctl(_fd, WatchdogIoctl.SetTimeout, ref seconds) == 0;
        int errno = set ? 0 : LibC.LastError().Errno;

        // Set or refused (EINVAL: out of the hardware's range), the driver's own figure is the truth.
        if (TryReadTimeout())
        {
            PetsByWrite = false;
            return;
        }

        if (set)
        {
            Timeout = seconds > 0 ? TimeSpan.FromSeconds(seconds) : RequestedTimeout;
            PetsByWrite = false;
            return;
        }

        // No watchdog ioctls at all (a regular file, an old driver): writes pet it, at its own timeout.
        PetsByWrite = LibC.IsUnsupportedIoctl(errno);
    }

    private bool TryReadTimeout()
    {
        int seconds = 0;
        if (LibC.Ioctl(_fd, WatchdogIoctl.GetTimeout, ref seconds) != 0 || seconds <= 0)
        {
            return false;
        }

        Timeout = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private void PetOpen()
    {
        if (!PetsByWrite)
        {
            int unused = 0;
            if (LibC.Ioctl(_fd, WatchdogIoctl.KeepAlive, ref unused) == 0)
            {
                return;
            }

            var error = LibC.LastError();
            if (!LibC.IsUnsupportedIoctl(error.Errno))
            {
                throw new IOException($"Watchdog {DevicePath} refused the keep-alive: {error.Text}.");
            }

            PetsByWrite = true;
        }

        if (!LibC.WriteByte(_fd, KeepAliveByte))
        {
            throw new IOException($"Cannot pet watchdog {DevicePath}: {LibC.LastError().Text}.");
        }
    }

    private void CloseDevice()
    {
        LibC.Close(_fd);
        _fd = -1;
    }
}
