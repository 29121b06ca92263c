using System.Device.I2c;

namespace FlightSw.Sim.Buses;

/// <summary>
/// One address on a <see cref="SimI2cBus"/>, seen through <see cref="I2cDevice"/> so that chip
/// drivers run unchanged on the simulated board. Create it with <see cref="SimI2cBus.CreateDevice"/>.
/// </summary>
/// <remarks>
/// <see cref="Write"/>, <see cref="Read"/> and <see cref="WriteRead"/> are each one bus transaction.
/// <see cref="WriteRead"/> is a combined transaction: the write, a repeated start, then the read,
/// with no stop and no other transaction in between. When no chip answers at the address, every
/// transaction throws <see cref="IOException"/>, as the Linux driver does on an address NACK.
/// </remarks>
public sealed class SimI2cDevice : I2cDevice
{
    private readonly SimI2cBus _bus;
    private long _transactionCount;
    private bool _disposed;

    internal SimI2cDevice(SimI2cBus bus, I2cConnectionSettings settings)
    {
        _bus = bus;
        ConnectionSettings = settings;
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Transactions this device has started, including those no chip acknowledged.</summary>
    public long TransactionCount => Interlocked.Read(ref _transactionCount);

    /// <inheritdoc />
    /// <exception cref="IOException">No chip acknowledged the address.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public override void Read(Span<byte> buffer) => Transfer([], buffer, isWrite: false, isRead: true);

    /// <inheritdoc />
    /// <exception cref="IOException">No chip acknowledged the address.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public override void Write(ReadOnlySpan<byte> buffer) => Transfer(buffer, [], isWrite: true, isRead: false);

    /// <inheritdoc />
    /// <exception cref="IOException">No chip acknowledged the address.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
        Transfer(writeBuffer, readBuffer, isWrite: true, isRead: true);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void Transfer(ReadOnlySpan<byte> write, Span<byte> read, bool isWrite, bool isRead)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Interlocked.Increment(ref _transactionCount);
        _bus.Transfer(ConnectionSettings.DeviceAddress, write, read, isWrite, isRead);
    }
}
