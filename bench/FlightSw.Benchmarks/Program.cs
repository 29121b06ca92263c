using BenchmarkDotNet.Running;

namespace FlightSw.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/FlightSw.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
