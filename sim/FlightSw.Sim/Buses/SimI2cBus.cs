using System.Device.I2c;
using FlightSw.Sim.Chips;

namespace FlightSw.Sim.Buses;

/// <summary>
/// A simulated I2C bus: chip models attached at their addresses, and <see cref="SimI2cDevice"/>s
/// that firmware drivers use exactly like a Linux <c>/dev/i2c-N</c> device. Transactions on one bus
/// are serialised, as on a real bus with one controller.
/// </summary>
public sealed class SimI2cBus
{
    private readonly Dictionary<int, I2cChipModel> _chips = [];
    private readonly Lock _sync = new();

    /// <summary>Creates an empty bus.</summary>
    /// <param name="busId">Bus number, as in <c>/dev/i2c-N</c>; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busId"/> is negative.</exception>
    public SimI2cBus(int busId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        BusId = busId;
    }

    /// <summary>Bus number, as in <c>/dev/i2c-N</c>.</summary>
    public int BusId { get; }

    /// <summary>The attached chips, ordered by address.</summary>
    public IReadOnlyList<I2cChipModel> Chips
    {
        get
        {
            lock (_sync)
            {
                return [.. _chips.Values.OrderBy(chip => chip.Address)];
            }
        }
    }

    /// <summary>Connects <paramref name="chip"/> to the bus at its <see cref="I2cChipModel.Address"/>.</summary>
    /// <param name="chip">The chip model.</param>
    /// <exception cref="InvalidOperationException">Another chip already answers at that address.</exception>
    public void Attach(I2cChipModel chip)
    {
        ArgumentNullException.ThrowIfNull(chip);
        lock (_sync)
        {
            if (_chips.TryGetValue(chip.Address, out I2cChipModel? existing))
            {
                throw new InvalidOperationException(
                    $"I2C bus {BusId} already has a {existing.GetType().Name} at address 0x{chip.Address:X2}; " +
                    $"cannot attach a {chip.GetType().Name} at the same address.");
            }

            _chips.Add(chip.Address, chip);
        }
    }

    /// <summary>Disconnects the chip at <paramref name="address"/>; afterwards transactions to it are not acknowledged.</summary>
    /// <param name="address">7-bit address.</param>
    /// <returns>True when a chip was attached there.</returns>
    public bool Detach(int address)
    {
        lock (_sync)
        {
            return _chips.Remove(address);
        }
    }

    /// <summary>
    /// Opens a device for <paramref name="address"/>. As on Linux, opening succeeds whether or not a
    /// chip answers there; a transaction to an address without a chip throws <see cref="IOException"/>.
    /// </summary>
    /// <param name="address">7-bit address, 0x00 to 0x7F.</param>
    /// <returns>A device the caller owns and disposes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The address does not fit in 7 bits.</exception>
    public SimI2cDevice CreateDevice(int address)
    {
        if (address is < 0 or > 0x7F)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, "An I2C address has 7 bits: 0x00 to 0x7F.");
        }

        return new SimI2cDevice(this, new I2cConnectionSettings(BusId, address));
    }

    /// <summary>
    /// Runs one bus transaction addressed to <paramref name="address"/>, holding the bus so no other
    /// transaction can come in between (a repeated start keeps the bus, as here).
    /// </summary>
    internal void Transfer(int address, ReadOnlySpan<byte> write, Span<byte> read, bool isWrite, bool isRead)
    {
        lock (_sync)
        {
            if (!_chips.TryGetValue(address, out I2cChipModel? chip))
            {
                // Linux reports an address NACK from the adapter as EREMOTEIO (121) or ENXIO (6).
                throw new IOException(
                    $"I2C bus {BusId}: no device acknowledged address 0x{address:X2} (Remote I/O error, errno 121).");
            }

            if (isWrite)
            {
                chip.Write(write);
            }

            if (isRead)
            {
                chip.Read(read);
            }
        }
    }
}
