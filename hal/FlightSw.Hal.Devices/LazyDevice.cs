using System.Diagnostics.CodeAnalysis;

namespace FlightSw.Hal.Devices;

/// <summary>
/// A device driver opened on first use and opened again after opening failed with
/// <see cref="IOException"/> (the chip did not answer). Once disposed it never opens again,
/// so a board that has ended cannot touch the bus of the next one.
/// </summary>
/// <typeparam name="T">The driver type.</typeparam>
internal sealed class LazyDevice<T>(Func<T> open, object owner) : IDisposable
    where T : class
{
    private T? _device;
    private bool _disposed;

    /// <summary>The driver, opened now if need be; opening failures propagate.</summary>
    public T Get()
    {
        ObjectDisposedException.ThrowIf(_disposed, owner);
        return _device ??= open();
    }

    /// <summary>The driver, opened now if need be; false when the chip did not answer while opening.</summary>
    public bool TryGet([NotNullWhen(true)] out T? device)
    {
        ObjectDisposedException.ThrowIf(_disposed, owner);
        try
        {
            device = _device ??= open();
            return true;
        }
        catch (IOException)
        {
            device = null;
            return false;
        }
    }

    /// <summary>Disposes the driver if it was opened.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        (_device as IDisposable)?.Dispose();
    }
}
