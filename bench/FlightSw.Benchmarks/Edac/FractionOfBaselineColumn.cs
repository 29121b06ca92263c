using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FlightSw.Benchmarks.Edac;

/// <summary>
/// Throughput as a share of the baseline's in the same parameter group, measured in the same
/// run: the baseline's mean time over the case's mean time.
/// </summary>
public sealed class FractionOfBaselineColumn : IColumn
{
    public string Id => nameof(FractionOfBaselineColumn);

    public string ColumnName => "of plain read";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Throughput as a percentage of the plain read's, measured side by side";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var theirs = baseline is null ? null : summary[baseline]?.ResultStatistics;
        return mine is null || theirs is null || mine.Mean <= 0
            ? "n/a"
            : (theirs.Mean / mine.Mean).ToString("P0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
