using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using FlightSw.Cli.Packaging;

using FlightSw.Cli.Tests.Fixtures;

namespace FlightSw.Cli.Tests.Packaging;

/// <summary>
/// The proof that what goes on a Raspberry Pi or a Jetson runs there: the linux-arm64 package is
/// built, unpacked and flown for one orbit on the simulated board under qemu user-mode emulation,
/// and its summary must equal the x86-64 run's with the same seed, line for line.
/// </summary>
[Category("Slow")]
public class EmulatedArm64RunTests
{
    private const string Qemu = "qemu-aarch64-static";
    private static readonly string[] FlyOneOrbit = ["--board", "sim", "--duration", "1orbit", "--seed", "1"];
    private string _scratch = "";

    [SetUp]
    public void RequireEmulator()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Prerequisite.Missing($"The emulated ARM64 run needs x86-64 Linux; this is {RuntimeInformation.OSDescription} on {RuntimeInformation.OSArchitecture}.");
        }

        if (!Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, Qemu)))
            || !File.Exists("/lib/ld-linux-aarch64.so.1")
            || !File.Exists("/usr/lib/aarch64-linux-gnu/libssl.so.3"))
        {
            Prerequisite.Missing($"{Qemu}, the arm64 C library or arm64 OpenSSL is not installed; scripts/bootstrap installs them (qemu-user-static, libc6:arm64, libstdc++6:arm64, libicu72:arm64, libssl3:arm64).");
        }

        _scratch = Directory.CreateTempSubdirectory("flightsw-arm64-run-").FullName;
    }

    [TearDown]
    public void DeleteScratch()
    {
        if (_scratch.Length > 0 && Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Test]
    public void Rpi4Package_OneOrbitUnderQemu_SameSummaryAsTheX64RunWithTheSameSeed()
    {
        var package = NodePackager.Package(RepositoryRoot.Find(), "rpi4", _scratch, "0.0.0-arm64-check");
        string unpacked = Path.Combine(_scratch, "unpacked");
        Directory.CreateDirectory(unpacked);
        using (var archive = new GZipStream(File.OpenRead(package.ArchivePath), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(archive, unpacked, overwriteFiles: false);
        }

        string node = Path.Combine(unpacked, NodePackager.PackageName("rpi4", "0.0.0-arm64-check"), "flightsw-node");
        var arm64 = Run(Qemu, [node, .. FlyOneOrbit]);
        var x64 = Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "flightsw-node.dll"), .. FlyOneOrbit]);
        TestContext.Out.WriteLine($"package {package.Bytes:N0} bytes; one orbit: x64 {x64.Elapsed.TotalSeconds:0.0} s, arm64 under qemu {arm64.Elapsed.TotalSeconds:0.0} s ({arm64.Elapsed / x64.Elapsed:0.0}x)");
        TestContext.Out.WriteLine(arm64.Output);

        Assert.Multiple(() =>
        {
            Assert.That(arm64.ExitCode, Is.Zero, arm64.Error);
            Assert.That(x64.ExitCode, Is.Zero, x64.Error);
            Assert.That(arm64.Output, Does.Contain("Simulated time"), "a summary was printed");
            Assert.That(arm64.Output, Is.EqualTo(x64.Output), "the arm64 build flew differently from the x64 one");
        });
    }

    private static (int ExitCode, string Output, string Error, TimeSpan Elapsed) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FLIGHTSW_LOG_DIR"] = Path.Combine(Path.GetTempPath(), "flightsw-arm64-run-logs");
        var output = new StringBuilder();
        var error = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { lock (output) { output.AppendLine(line.Data); } } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { lock (error) { error.AppendLine(line.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish one orbit within 10 minutes.");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString(), error.ToString(), clock.Elapsed);
    }
}
