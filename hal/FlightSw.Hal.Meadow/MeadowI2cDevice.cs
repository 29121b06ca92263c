using System.Device.I2c;
using Meadow;
using Meadow.Hardware;

namespace FlightSw.Hal.Meadow;

/// <summary>
/// System.Device.I2c's <see cref="I2cDevice"/> over a Meadow <see cref="II2cBus"/>: one chip
/// (address) on a bus the board owns, so the chip drivers of FlightSw.Hal.Devices run unchanged.
/// A transfer the chip does not answer throws <see cref="IOException"/>, as on Linux.
/// </summary>
/// <remarks>
/// Meadow's bus takes mutable spans, so writes are copied first (on the stack for short frames).
/// Check on the board which exception Meadow.F7 raises on a NACK or bus timeout; this assumes
/// <see cref="NativeException"/>, and chip drivers see only <see cref="IOException"/>.
/// </remarks>
public sealed class MeadowI2cDevice : I2cDevice
{
    /// <summary>Longest write copied on the stack; register frames of the TI parts are 1 to 3 bytes.</summary>
    private const int StackCopyLimit = 32;

    private readonly II2cBus _bus;
    private readonly byte _address;

    /// <summary>The chip at <paramref name="settings"/>' address on <paramref name="bus"/>. The bus is not disposed with the device.</summary>
    /// <param name="bus">The Meadow bus the chip is on (its number is <paramref name="settings"/>' bus id).</param>
    /// <param name="settings">Bus number and 7-bit address.</param>
    public MeadowI2cDevice(II2cBus bus, I2cConnectionSettings settings)
    {
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        ConnectionSettings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (settings.DeviceAddress < 0 || settings.DeviceAddress > 0x7F)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.DeviceAddress, "An I2C address has 7 bits.");
        }

        _address = (byte)settings.DeviceAddress;
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        try
        {
            _bus.Read(_address, buffer);
        }
        catch (NativeException ex)
        {
            throw NotAnswering("read", ex);
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Span<byte> frame = buffer.Length <= StackCopyLimit ? stackalloc byte[buffer.Length] : new byte[buffer.Length];
        buffer.CopyTo(frame);
        try
        {
            _bus.Write(_address, frame);
        }
        catch (NativeException ex)
        {
            throw NotAnswering("write", ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Meadow's Exchange writes, then reads. Whether it joins them with a repeated start or a stop
    /// is Meadow's choice; the INA219 and TMP102 keep their register pointer either way.
    /// </remarks>
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Span<byte> frame = writeBuffer.Length <= StackCopyLimit ? stackalloc byte[writeBuffer.Length] : new byte[writeBuffer.Length];
        writeBuffer.CopyTo(frame);
        try
        {
            _bus.Exchange(_address, frame, readBuffer);
        }
        catch (NativeException ex)
        {
            throw NotAnswering("write-read", ex);
        }
    }

    private IOException NotAnswering(string transfer, Exception cause) =>
        new($"I2C {transfer} to 0x{_address:X2} on bus {ConnectionSettings.BusId} failed: {cause.Message}", cause);
}
