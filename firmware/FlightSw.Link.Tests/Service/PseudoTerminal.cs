using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace FlightSw.Link.Tests.Service;

/// <summary>A Linux pseudo-terminal pair: the far end of a serial line, for serial port tests without hardware.</summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 2;
    private const int NoControllingTerminal = 0x100;

    private PseudoTerminal(FileStream master, string slavePath)
    {
        Master = master;
        SlavePath = slavePath;
    }

    /// <summary>The master side: what is written here arrives at the serial port, and the reverse.</summary>
    public FileStream Master { get; }

    /// <summary>The device path a serial port opens, for example <c>/dev/pts/3</c>.</summary>
    public string SlavePath { get; }

    public static PseudoTerminal Open()
    {
        int fd = PosixOpenpt(ReadWrite | NoControllingTerminal);
        if (fd < 0 || GrantPt(fd) != 0 || UnlockPt(fd) != 0)
        {
            throw new IOException($"posix_openpt failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var name = new byte[128];
        if (PtsNameR(fd, name, name.Length) != 0)
        {
            throw new IOException("ptsname_r failed");
        }

        string path = System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        return new PseudoTerminal(new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, 1), path);
    }

    public void Dispose() => Master.Dispose();

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static partial int PosixOpenpt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static partial int PtsNameR(int fd, [Out] byte[] buffer, nint length);
}
