using System.Globalization;
using FlightSw.Edac.Kernels;
using FlightSw.Node.Cli;
using FlightSw.Sim.Environment;
using Spectre.Console;

namespace FlightSw.Node.Tests.Cli;

public sealed class NodeRunnerTests
{
    [Test]
    public void Run_SameSeedTwice_SummariesAreIdenticalByteForByte()
    {
        string first = RunToText(seed: 42, "1orbit");
        string second = RunToText(seed: 42, "1orbit");

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Run_DifferentSeeds_SummariesDiffer()
    {
        Assert.That(RunToText(seed: 1, "1orbit"), Is.Not.EqualTo(RunToText(seed: 2, "1orbit")));
    }

    [Test]
    public void Run_ThreeOrbitsByDefault_RunsExactlyThreeOrbitsOfSimulatedTimeInNominal()
    {
        string summary = RunToText(seed: 1, SimulatedDuration.Default);
        string seconds = (3 * CircularOrbit.Leo500.Period.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);

        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain($"({seconds} s)"));
            Assert.That(summary, Does.Contain("NOMINAL"));
            Assert.That(summary, Does.Match(@"Slips\s+│ 0 "));
            Assert.That(summary, Does.Match(@"Watchdog resets\s+│ 0 "));
        });
    }

    [Test]
    public void Run_ThreeOrbits_FliesTheClassifierEveryTenMinutesAllUnanimous()
    {
        string summary = RunToText(seed: 1, SimulatedDuration.Default);

        // 3 orbits = 17,031 s; the first inference is due 600 s after boot (at about 2 s).
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Match(@"Inferences\s+│ 28 run \(all boots\) "));
            Assert.That(summary, Does.Match(@"Inference outcomes\s+│ 28 unanimous, 0 masked, 0 recomputed, 0 failed "));
            Assert.That(summary, Does.Match(@"Inferences deferred\s+│ 0 waits for power "));
        });
    }

    [Test]
    public void RunSelfTest_ThisProcessor_OneLinePerKernelEverySupportedPassesExit0()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);

        int code = NodeRunner.RunSelfTest(seed: 1, output, error);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output.ToString());
            Assert.That(lines, Has.Length.EqualTo(EccKernels.All.Count));
            foreach (var (line, kernel) in lines.Zip(EccKernels.All))
            {
                string expected = kernel.IsSupported ? @"\s+supported\s+PASS\s+matches " : @"\s+unsupported\s+SKIP\s+not run";
                Assert.That(line, Does.Match($"^{kernel.Name}{expected}"));
            }

            Assert.That(error.ToString(), Does.Contain("every supported kernel passed").And.Contain(EccKernels.Best.Name));
        });
    }

    /// <summary>Runs the node on the sim board and returns what it printed, without colour.</summary>
    internal static string RunToText(int seed, string duration, double upsetRate = 0)
    {
        Assert.That(SimulatedDuration.TryParse(duration, out var span, out _), Is.True);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });

        int code = NodeRunner.Run(new NodeOptions("sim", span, duration, seed, Realtime: false, upsetRate), console, TextWriter.Null, CancellationToken.None);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        return writer.ToString();
    }
}
