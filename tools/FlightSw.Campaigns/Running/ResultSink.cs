using System.Text;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Running;

/// <summary>Appends finished trials to the results file, one flushed line each, from any worker.</summary>
internal sealed class ResultSink : IDisposable
{
    private readonly object _gate = new();
    private readonly List<TrialResult> _results;
    private readonly StreamWriter _writer;

    public ResultSink(string path, IReadOnlyList<TrialResult> existing)
    {
        _results = [.. existing];
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _results.Count;
            }
        }
    }

    public void Add(TrialResult result)
    {
        string line = ResultLines.Trial(result);
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
            _results.Add(result);
        }
    }

    public List<TrialResult> Snapshot()
    {
        lock (_gate)
        {
            return [.. _results];
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }
}
