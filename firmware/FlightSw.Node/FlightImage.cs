using FlightSw.Core.Application;
using FlightSw.Core.BoardMonitor;
using FlightSw.Core.FaultInjection;
using FlightSw.Core.Scheduling;
using FlightSw.Core.StatusLed;
using FlightSw.Hal;

namespace FlightSw.Node;

/// <summary>
/// What gets flashed: the node's composition of components. The same image boots on the
/// simulated board and on hardware; only the <see cref="IBoard"/> differs.
/// </summary>
public static class FlightImage
{
    /// <summary>Composes the node's components on <paramref name="board"/>; the caller starts it.</summary>
    public static FlightApplication Compose(IBoard board, FlightApplicationOptions? options = null)
    {
        var app = new FlightApplication(board, options);
        app.Add(new StatusLed(), RateGroupId.Rate10Hz);
        app.Add(new BoardMonitor(), RateGroupId.Rate1Hz);
        app.Add(new FaultInjector());
        return app;
    }
}
