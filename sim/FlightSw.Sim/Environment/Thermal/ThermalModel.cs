namespace FlightSw.Sim.Environment.Thermal;

/// <summary>
/// The board as one thermal mass (<see cref="ThermalSpec"/>): over an interval of constant
/// conditions its temperature relaxes exactly, T(t) = Teq + (T0 - Teq) exp(-t / tau), towards
/// Teq = <see cref="ThermalSpec.EclipseCelsius"/> + <see cref="ThermalSpec.SunHeatingCelsius"/>
/// in sunlight + <see cref="ThermalSpec.CelsiusPerWatt"/> x the watts dissipated.
/// </summary>
/// <remarks>
/// Uses <see cref="Math.Exp(double)"/>, whose last bit may differ between processors: the same
/// run is bit-identical on one machine. Not thread-safe.
/// </remarks>
public sealed class ThermalModel : IThermalState
{
    /// <summary>Creates the model at <see cref="ThermalSpec.InitialCelsius"/>.</summary>
    /// <param name="spec">The thermal behaviour; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="spec"/> is out of range (see <see cref="ThermalSpec.Validate"/>).</exception>
    public ThermalModel(ThermalSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        BoardCelsius = spec.InitialCelsius;
    }

    /// <summary>The thermal behaviour.</summary>
    public ThermalSpec Spec { get; }

    /// <inheritdoc />
    public double BoardCelsius { get; private set; }

    /// <summary>The temperature the board tends to under constant conditions.</summary>
    /// <param name="sunlit">Whether the node is in sunlight.</param>
    /// <param name="dissipatedWatts">Power the board turns into heat, in watts.</param>
    /// <returns>The equilibrium, in degrees Celsius.</returns>
    public double EquilibriumCelsius(bool sunlit, double dissipatedWatts) =>
        Spec.EclipseCelsius + (sunlit ? Spec.SunHeatingCelsius : 0) + (Spec.CelsiusPerWatt * dissipatedWatts);

    /// <summary>Relaxes the temperature over <paramref name="duration"/> of constant conditions.</summary>
    /// <param name="duration">How long the conditions hold; zero or more.</param>
    /// <param name="sunlit">Whether the node is in sunlight throughout.</param>
    /// <param name="dissipatedWatts">Power the board turns into heat throughout, in watts; finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative, or <paramref name="dissipatedWatts"/> is not finite.</exception>
    public void Advance(TimeSpan duration, bool sunlit, double dissipatedWatts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (!double.IsFinite(dissipatedWatts))
        {
            throw new ArgumentOutOfRangeException(nameof(dissipatedWatts), dissipatedWatts, "The dissipated power must be a finite number of watts.");
        }

        if (duration == TimeSpan.Zero)
        {
            return;
        }

        double equilibrium = EquilibriumCelsius(sunlit, dissipatedWatts);
        double decay = Math.Exp(-(double)duration.Ticks / Spec.TimeConstant.Ticks);
        BoardCelsius = equilibrium + ((BoardCelsius - equilibrium) * decay);
    }
}
