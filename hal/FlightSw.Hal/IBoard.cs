using System.Device.Gpio;
using System.Device.I2c;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Memory;

namespace FlightSw.Hal;

/// <summary>
/// Everything physical a flight component may use: time, GPIO, I2C, watchdog, power and
/// temperature sensing, resets and persistent storage. One instance lives for one boot of the
/// flight software; a reset ends it. Nothing above the HAL knows whether the board is simulated.
/// </summary>
public interface IBoard : IDisposable
{
    /// <summary>The validated board file this board was built from.</summary>
    BoardDefinition Definition { get; }

    /// <summary>The only clock flight code may read: virtual on the simulated board, the system clock on hardware.</summary>
    TimeProvider Time { get; }

    /// <summary>GPIO of the board, through System.Device.Gpio. The board owns and disposes it.</summary>
    GpioController Gpio { get; }

    /// <summary>
    /// Opens the device at <paramref name="settings"/> (bus number and 7-bit address). The caller
    /// owns the returned device. Throws <see cref="IOException"/> when the bus does not exist.
    /// </summary>
    I2cDevice CreateI2cDevice(I2cConnectionSettings settings);

    /// <summary>The hardware watchdog, configured from the board file.</summary>
    IWatchdog Watchdog { get; }

    /// <summary>The supply power monitor named in the board file.</summary>
    IPowerMonitor PowerMonitor { get; }

    /// <summary>The board temperature sensor named in the board file.</summary>
    ITemperatureSensor TemperatureSensor { get; }

    /// <summary>Why the board last reset, and the way to ask for a reset.</summary>
    IResetController ResetController { get; }

    /// <summary>Storage that survives resets and power loss.</summary>
    IPersistentStore PersistentStore { get; }

    /// <summary>
    /// The protected memory of this boot that upsets can hit: flight software registers its ECC
    /// regions here so that fault injection (and, on the simulated board, radiation) can find them.
    /// </summary>
    MemoryMap Memory { get; }

    /// <summary>The compute jobs running in this boot, which the supply feels as extra load.</summary>
    IWorkload Workload { get; }
}
