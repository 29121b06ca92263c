using System.CommandLine;
using FlightSw.Node.Cli;
using FlightSw.Node.Link;
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
        var link = new Option<string[]>("--link")
        {
            Description = "Listen for the ground: tcp (127.0.0.1:5170), tcp:PORT, tcp:ADDRESS:PORT (port 0 picks a free one) or serial:DEVICE[:BAUD]; repeatable. Default: the board file's link section (the simulated board: no link)",
            AllowMultipleArgumentsPerToken = false,
        };
        var keyFile = new Option<string?>("--key-file")
        {
            Description = $"Telecommand key file (lines '<id> <64 hex>', mode 0600; make one with `flightsw keygen FILE`). Default: ${NodeLinkOptions.KeyFileVariable}, else the board's link.keyFile. Without keys every telecommand is refused",
        };
        var insecureDevLink = new Option<bool>("--insecure-dev-link")
        {
            Description = "DEVELOPMENT ONLY: accept unauthenticated telecommands (the development key, id 0). Logged loudly at start and at every boot",
        };
        var groundClock = new Option<bool>("--ground-clock")
        {
            Description = "Simulated board only: virtual time advances only when the ground asks over the link (simulation control), for deterministic HIL runs; the node exits when the ground hangs up",
        };
        var root = new RootCommand("FlightSw flight node: flies the flight software on a board, by default the simulated one.")
        {
            board, scenario, duration, seed, realtime, upsetRate, selfTest, link, keyFile, insecureDevLink, groundClock,
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
            var linkOptions = new NodeLinkOptions(parse.GetValue(link) ?? [], parse.GetValue(keyFile), parse.GetValue(insecureDevLink), parse.GetValue(groundClock));
            var options = new NodeOptions(parse.GetValue(board)!, span, durationText, runSeed, parse.GetValue(realtime), rate, flown, linkOptions);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            return Task.FromResult(NodeRunner.Run(options, console, Console.Error, cancellation));
        });

        int code = root.Parse(args).Invoke();
        NLog.LogManager.Shutdown();
        return code;
    }
}
