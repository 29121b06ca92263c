using System.Diagnostics;
using FlightSw.Campaigns.Workloads;

namespace FlightSw.Campaigns.Running;

/// <summary>One worker thread: takes trials from the pool and runs them on its own workload instances (one per variant).</summary>
internal sealed class TrialWorker
{
    private readonly TrialPool _pool;
    private readonly Dictionary<string, IWorkload> _workloads = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly Thread _thread;
    private long _current = -1;
    private long _startedAt;
    private TimeSpan _limit;

    public TrialWorker(TrialPool pool)
    {
        _pool = pool;
        _thread = new Thread(Loop) { IsBackground = true, Name = "campaign worker" };
    }

    private volatile bool _finished;
    private volatile bool _abandoned;

    public bool Finished => _finished;

    public bool Abandoned => _abandoned;

    public void Start() => _thread.Start();

    /// <summary>Gives up the running trial when it has outlived its limit; the watcher then records it as Hang.</summary>
    public bool TryAbandon(long now, out long trial, out TimeSpan limit)
    {
        lock (_gate)
        {
            trial = _current;
            limit = _limit;
            if (_abandoned || _finished || _current < 0 || Stopwatch.GetElapsedTime(_startedAt, now) <= _limit)
            {
                return false;
            }

            _abandoned = true;
            return true;
        }
    }

    private void Loop()
    {
        long trial = -1;
        try
        {
            var runner = _pool.Runner;
            while (!_pool.Stopping && _pool.TryTake(out trial))
            {
                var (variant, _, planned) = runner.Plan(trial);
                var workload = WorkloadOf(variant);
                var limit = TimeSpan.Zero;
                if (!runner.Workload.RunsOnVirtualTime)
                {
                    var tenTimes = workload.GoldenTime(planned.Input) * 10;
                    limit = tenTimes > runner.Options.HangFloor ? tenTimes : runner.Options.HangFloor;
                }

                lock (_gate)
                {
                    _current = trial;
                    _limit = limit;
                    _startedAt = Stopwatch.GetTimestamp();
                }

                var result = runner.RunTrial(trial, workload);
                lock (_gate)
                {
                    if (Abandoned)
                    {
                        return; // the watcher recorded it as Hang; this instance may be in any state
                    }

                    _current = -1;
                }

                _pool.Sink.Add(result);
            }
        }
        catch (Exception exception)
        {
            bool abandoned;
            lock (_gate)
            {
                // The trial is over either way: the watcher must not record a failed trial as Hang.
                abandoned = _abandoned;
                _current = -1;
            }

            // A trial already recorded as Hang is not the campaign's failure.
            if (!abandoned)
            {
                _pool.Fail(trial, exception);
            }
        }
        finally
        {
            if (!Abandoned)
            {
                foreach (var workload in _workloads.Values)
                {
                    workload.Dispose();
                }
            }

            _finished = true;
        }
    }

    private IWorkload WorkloadOf(string variant)
    {
        if (!_workloads.TryGetValue(variant, out var workload))
        {
            workload = _pool.Runner.Workload.Create(variant);
            _workloads[variant] = workload;
        }

        return workload;
    }
}
