using System.Runtime.InteropServices;

namespace FlightSw.Hal.Linux;

/// <summary>
/// The few C library calls the backend needs that .NET does not offer: ioctl on a watchdog,
/// fsync of a directory, access checks. Constants are the Linux values shared by x86-64, arm64
/// and 32-bit arm (asm-generic), the architectures the board files name.
/// </summary>
internal static partial class LibC
{
    public const int OpenReadOnly = 0;
    public const int OpenWriteOnly = 1;
    public const int OpenCloseOnExec = 0x80000;

    public const int Interrupted = 4;
    public const int InvalidArgument = 22;
    public const int NotATypewriter = 25;
    public const int OperationNotSupported = 95;

    public const int CanExecute = 1;
    public const int CanWrite = 2;
    public const int CanRead = 4;

    /// <summary>The errno of the last failed call, with its text, for messages.</summary>
    public static (int Errno, string Text) LastError()
    {
        int errno = Marshal.GetLastPInvokeError();
        return (errno, $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    /// <summary>Whether errno says the file does not take this ioctl: ENOTTY (a regular file, a driver without it) or EOPNOTSUPP (the watchdog core for an unsupported feature).</summary>
    public static bool IsUnsupportedIoctl(int errno) => errno is NotATypewriter or OperationNotSupported;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    // ioctl is variadic in C; every ABI the boards use passes the pointer argument like a fixed one.
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, ref int argument);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Access(string path, int mode);

    /// <summary>Writes one byte, retrying when a signal interrupts the call; false (errno set) when it fails.</summary>
    public static unsafe bool WriteByte(int fd, byte value)
    {
        while (true)
        {
            if (Write(fd, &value, 1) == 1)
            {
                return true;
            }

            if (Marshal.GetLastPInvokeError() != Interrupted)
            {
                return false;
            }
        }
    }
}
