using System.CommandLine;
using FlightSw.Node.Cli;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Scenarios;
using Spectre.Console;

namespace FlightSw.Node;

/// <summary>Entry point of <c>flightsw-node</c>.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the node.</summary>
    public static int Main(string[] args)
    {
        var board = new Option<string>("--board") { Description = "Board to run on, by name from boards/ (default sim)", DefaultValueFactory = _ => "sim" };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Fly the simulated board through a scenario from sim/scenarios (orbit, battery, loads, radiation, scripted events), e.g. nominal-500km, saa-heavy, solar-storm, undersized-battery",
        };
        var duration = new Option<string?>("--duration")
        {
            Description = $"Simulated time to run: 3orbits, 1orbit, 90s, 15m, 6h, 2d or hh:mm:ss (default: the scenario's duration, else {SimulatedDuration.Default}; orbits of the scenario's orbit)",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed of the simulation (or of the self test's buffers): the same seed gives the same run (default: the scenario's, else 1)" };
        var realtime = new Option<bool>("--realtime") { Description = "Pace the simulated board at wall-clock speed" };
        var upsetRate = new Option<double>("--upset-rate")
        {
            Description = "Radiation upsets per bit per day on the simulated board's protected memory (Alsat-1 measured 4.04e-7; default 0, none)",
            DefaultValueFactory = _ => 0,
        };
        var selfTest = new Option<bool>("--self-test")
        {
            Description = "Test every ECC kernel this processor can run against the scalar reference, print one line per kernel and exit: 0 when all passed, 1 otherwise",
        };
        var root = new RootCommand("FlightSw flight node: flies the flight software on a board, by default the simulated one.")
        {
            board, scenario, duration, seed, realtime, upsetRate, selfTest,
        };

        root.SetAction((parse, cancellation) =>
        {
            if (parse.GetValue(selfTest))
            {
                return Task.FromResult(NodeRunner.RunSelfTest(parse.GetValue(seed) ?? 1, Console.Out, Console.Error));
            }

            Scenario? flown = null;
            if (parse.GetValue(scenario) is { } scenarioName)
            {
                if (!ScenarioChoice.TryLoad(scenarioName, out flown, out string problem))
                {
                    Console.Error.WriteLine($"--scenario: {problem}");
                    return Task.FromResult(ExitCodes.BadInput);
                }
            }

            string durationText = parse.GetValue(duration) ?? ScenarioChoice.DefaultDuration(flown);
            var orbitPeriod = flown?.Orbit.Period ?? CircularOrbit.Leo500.Period;
            if (!SimulatedDuration.TryParse(durationText, orbitPeriod, out var span, out string error))
            {
                Console.Error.WriteLine($"--duration: {error}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            double rate = parse.GetValue(upsetRate);
            if (!double.IsFinite(rate) || rate < 0 || rate > 1)
            {
                Console.Error.WriteLine($"--upset-rate: {rate} is not a rate from 0 to 1 upsets per bit per day.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            int runSeed = parse.GetValue(seed) ?? flown?.Seed ?? 1;
            var options = new NodeOptions(parse.GetValue(board)!, span, durationText, runSeed, parse.GetValue(realtime), rate, flown);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            return Task.FromResult(NodeRunner.Run(options, console, Console.Error, cancellation));
        });

        int code = root.Parse(args).Invoke();
        NLog.LogManager.Shutdown();
        return code;
    }
}
