using FlightSw.Sim.Faults;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Sim;

/// <summary>Settings of the simulated hardware. The defaults live here.</summary>
public sealed record SimHardwareOptions
{
    /// <summary>Default time from power-on or reset to the flight software's start: 2 s.</summary>
    public static readonly TimeSpan DefaultBootDelay = TimeSpan.FromSeconds(2);

    /// <summary>Default spread of the boot time: up to 0.5 s either way, drawn from the seed.</summary>
    public static readonly TimeSpan DefaultBootJitter = TimeSpan.FromMilliseconds(500);

    /// <summary>Default time the board stays dark after an injected power loss: 1 s.</summary>
    public static readonly TimeSpan DefaultPowerLossOffTime = TimeSpan.FromSeconds(1);

    /// <summary>How long the board stays dark after <see cref="SimHardware.InjectPowerLossDuringWrite"/>; <see cref="DefaultPowerLossOffTime"/> by default.</summary>
    public TimeSpan PowerLossOffTime { get; init; } = DefaultPowerLossOffTime;

    /// <summary>Mean time from reset to software start; <see cref="DefaultBootDelay"/> by default.</summary>
    public TimeSpan BootDelay { get; init; } = DefaultBootDelay;

    /// <summary>Largest deviation of one boot from <see cref="BootDelay"/>; <see cref="DefaultBootJitter"/> by default.</summary>
    public TimeSpan BootJitter { get; init; } = DefaultBootJitter;

    /// <summary>Whether sensor readings carry noise (<see cref="Environment.SensorNoise"/>); on by default.</summary>
    public bool SensorNoise { get; init; } = true;

    /// <summary>
    /// The radiation upset settings of <see cref="SimHardware.Upsets"/>; off by default
    /// (<see cref="UpsetInjectorOptions.RatePerBitPerDay"/> 0).
    /// </summary>
    public UpsetInjectorOptions Upsets { get; init; } = new();

    /// <summary>
    /// The orbit, power and radiation the board meets; null (the default) for a constant
    /// supply and temperature and no radiation but <see cref="Upsets"/>. With a scenario, its
    /// radiation rates replace <see cref="Upsets"/>' rate and multi-bit share.
    /// </summary>
    public Scenario? Scenario { get; init; }
}
