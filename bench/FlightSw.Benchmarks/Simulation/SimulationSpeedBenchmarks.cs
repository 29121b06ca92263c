using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FlightSw.Hal.Boards;
using FlightSw.Node.Simulation;
using FlightSw.Sim;
using FlightSw.Sim.Scenarios;
using FlightSw.Sim.Time;

namespace FlightSw.Benchmarks.Simulation;

/// <summary>
/// How fast the simulated board runs the flight node: one simulated hour of the node with its
/// skeleton components (scheduler at 10 Hz, status LED, board sensors through the INA219 and
/// TMP102 drivers and chip models, health and watchdog), against the same hour of a bare 10 Hz
/// timer on the same virtual clock, side by side in one run; and the same node flying the full
/// environment of a scenario (orbit, solar array and battery, thermal model, radiation with the
/// SAA, latch-up guard, power manager and payload jobs). The SimSpeed column turns the mean time
/// into simulated seconds per wall second; the goal is at least 10,000.
/// </summary>
[Config(typeof(SimulationSpeedConfig))]
public class SimulationSpeedBenchmarks
{
    public static readonly TimeSpan SimulatedSpan = TimeSpan.FromHours(1);

    private BoardDefinition _board = null!;
    private Scenario _nominal = null!;
    private Scenario _undersized = null!;

    [GlobalSetup]
    public void LoadBoard()
    {
        _board = BoardCatalog.Locate().Load("sim");
        _nominal = ScenarioCatalog.Locate().Load("nominal-500km");
        _undersized = ScenarioCatalog.Locate().Load("undersized-battery");
    }

    [Benchmark(Baseline = true, Description = "bare 10 Hz timer, 1 simulated hour")]
    public long BareClock()
    {
        var clock = new VirtualClock();
        long ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        clock.RunFor(SimulatedSpan);
        return ticks;
    }

    [Benchmark(Description = "flight node on the simulated board, 1 simulated hour")]
    public long Node()
    {
        using var node = new SimulatedNode(_board, seed: 1);
        node.PowerOn();
        node.RunFor(SimulatedSpan);
        return node.Statistics.Ticks(node.Application);
    }

    [Benchmark(Description = "flight node flying nominal-500km (full environment), 1 simulated hour")]
    public long NodeInOrbit() => Fly(_nominal);

    [Benchmark(Description = "flight node flying undersized-battery (eclipse brownouts), 1 simulated hour")]
    public long NodeBrowningOut() => Fly(_undersized);

    private long Fly(Scenario scenario)
    {
        using var node = new SimulatedNode(_board, seed: 1, new SimHardwareOptions { Scenario = scenario });
        node.PowerOn();
        node.RunFor(SimulatedSpan);
        return node.Clock.CallbacksRun;
    }

    private sealed class SimulationSpeedConfig : ManualConfig
    {
        public SimulationSpeedConfig()
        {
            AddColumn(new SimulationSpeedColumn(SimulatedSpan));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
