using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FlightSw.Benchmarks.Simulation;

/// <summary>Simulated seconds per wall second: the benchmark's simulated span over its mean time.</summary>
public sealed class SimulationSpeedColumn(TimeSpan simulatedSpan) : IColumn
{
    public string Id => nameof(SimulationSpeedColumn);

    public string ColumnName => "SimSpeed (sim s / wall s)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Simulated seconds run per wall-clock second (goal for the node: 10,000 or more)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "n/a";
        }

        double wallSeconds = statistics.Mean / 1e9;
        return (simulatedSpan.TotalSeconds / wallSeconds).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
