using FlightSw.Node.Link;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Node.Cli;

/// <summary>The node's command line, parsed.</summary>
/// <param name="Board">Board name from <c>boards/</c>.</param>
/// <param name="Duration">Simulated time to run.</param>
/// <param name="DurationText">The duration as given, for messages.</param>
/// <param name="Seed">Seed of the simulation.</param>
/// <param name="Realtime">Pace the simulated board at wall-clock speed.</param>
/// <param name="UpsetRate">Radiation upsets per bit per day on the simulated board's protected memory (0 for none); with a scenario, a rate above 0 replaces the scenario's.</param>
/// <param name="Link">The space link: endpoints, key file, development flag, ground clock.</param>
/// <param name="Scenario">The orbit, power and radiation scenario to fly the simulated board through; null for a constant supply.</param>
public sealed record NodeOptions(string Board, TimeSpan Duration, string DurationText, int Seed, bool Realtime, double UpsetRate = 0, Scenario? Scenario = null, NodeLinkOptions? Link = null);
