using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace FlightSw.Node.Tests.Arm64;

/// <summary>
/// Proves the ARM64 kernel on an x86-64 machine: publishes the node for linux-arm64, self
/// contained, and runs <c>flightsw-node --self-test</c> under qemu user-mode emulation, where
/// the runtime reports Advanced SIMD and the advsimd kernel is compared with the scalar one.
/// The boards (Raspberry Pi 4 and 5, Jetson Orin) run the same binary natively.
/// </summary>
[Category("Arm64Emulation")]
public sealed class Arm64SelfTestTests
{
    private const string Qemu = "qemu-aarch64-static";
    private const string ArmLibraries = "/usr/lib/aarch64-linux-gnu";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private string _scratch = null!;

    [SetUp]
    public void RequireEmulator()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore($"The emulated ARM64 self test runs on x86-64 Linux; this is {RuntimeInformation.OSDescription} on {RuntimeInformation.OSArchitecture}.");
        }

        string? missing = FindOnPath(Qemu) is null ? $"{Qemu} (Debian package qemu-user-static)"
            : !File.Exists("/lib/ld-linux-aarch64.so.1") ? "the arm64 C library (Debian package libc6:arm64)"
            : !File.Exists(Path.Combine(ArmLibraries, "libstdc++.so.6")) ? "the arm64 C++ library (Debian package libstdc++6:arm64)"
            : !Directory.Exists(ArmLibraries) || Directory.GetFiles(ArmLibraries, "libicuuc.so.*").Length == 0 ? "the arm64 ICU library (Debian package libicu72:arm64)"
            : null;
        if (missing is not null)
        {
            Assert.Ignore($"{missing} is not installed; scripts/bootstrap installs it.");
        }

        _scratch = Directory.CreateTempSubdirectory("flightsw-arm64-").FullName;
    }

    [TearDown]
    public void DeleteScratch()
    {
        if (_scratch is not null && Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Test]
    public void SelfTest_PublishedForLinuxArm64UnderQemu_AdvSimdSupportedAndPasses()
    {
        string project = Path.Combine(RepositoryRoot(), "firmware", "FlightSw.Node", "FlightSw.Node.csproj");
        string output = Path.Combine(_scratch, "publish");

        // Every intermediate and output file of this build, the referenced projects' included,
        // goes under the scratch folder (--artifacts-path): a linux-arm64 restore must not
        // rewrite obj/project.assets.json of projects that a concurrent test run is using.
        var publish = Run(
            "dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-arm64", "--self-contained", "--artifacts-path", Path.Combine(_scratch, "artifacts"), "-o", output, "-nologo", "--disable-build-servers", "-nodeReuse:false"],
            PublishTimeout);
        Assert.That(publish.ExitCode, Is.Zero, $"dotnet publish failed:{Environment.NewLine}{publish.Output}");

        var selfTest = Run(Qemu, [Path.Combine(output, "flightsw-node"), "--self-test"], RunTimeout);
        TestContext.Out.WriteLine($"publish {publish.Elapsed.TotalSeconds:0.0} s, emulated self test {selfTest.Elapsed.TotalSeconds:0.0} s");
        TestContext.Out.WriteLine(selfTest.Output);

        Assert.Multiple(() =>
        {
            Assert.That(selfTest.ExitCode, Is.Zero, selfTest.Output);
            Assert.That(selfTest.Output, Does.Match(@"(?m)^advsimd\s+supported\s+PASS\b"));
            Assert.That(selfTest.Output, Does.Match(@"(?m)^scalar\s+supported\s+PASS\b"));
            Assert.That(selfTest.Output, Does.Contain("on Arm64"));
            Assert.That(selfTest.Output, Does.Not.Contain("FAIL"));
        });
    }

    private static (int ExitCode, string Output, TimeSpan Elapsed) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may run under MSBuild's environment; a nested build must pick its own SDK and nodes.
        foreach (string name in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {timeout}:{Environment.NewLine}{Text(output)}");
        }

        // The parameterless wait drains the redirected streams.
        process.WaitForExit();
        return (process.ExitCode, Text(output), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FlightSw.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No FlightSw.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
