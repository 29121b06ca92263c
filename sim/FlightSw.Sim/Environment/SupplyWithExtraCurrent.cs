namespace FlightSw.Sim.Environment;

/// <summary>
/// A supply whose current carries an extra draw on top of another's: latch-ups on a board
/// without a power model, so the power monitor still sees the step.
/// </summary>
internal sealed class SupplyWithExtraCurrent(ISupplyRail inner, Func<double> extraAmps) : ISupplyRail
{
    /// <inheritdoc />
    public double BusVolts => inner.BusVolts;

    /// <inheritdoc />
    public double CurrentAmps => inner.CurrentAmps + extraAmps();
}
