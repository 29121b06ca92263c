using System.Diagnostics;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// The workers of one run and the thread that watches them: it reports progress, and on the host
/// clock it records a trial that outlives its hang limit as Hang and replaces its worker (a
/// managed thread cannot be stopped; the stuck one is a background thread left to the process).
/// </summary>
internal sealed class TrialPool
{
    private static readonly TimeSpan ProgressPeriod = TimeSpan.FromMilliseconds(250);
    private readonly CampaignRunner _runner;
    private readonly IReadOnlyList<long> _pending;
    private readonly ResultSink _sink;
    private readonly long _resumed;
    private readonly long _total;
    private readonly List<TrialWorker> _workers = [];
    private readonly object _failureGate = new();
    private int _next;
    private CampaignFailedException? _failure;
    private Exception? _progressFailure;

    public TrialPool(CampaignRunner runner, IReadOnlyList<long> pending, ResultSink sink, long resumed, long total)
    {
        _runner = runner;
        _pending = pending;
        _sink = sink;
        _resumed = resumed;
        _total = total;
    }

    public CampaignRunner Runner => _runner;

    public ResultSink Sink => _sink;

    public bool Stopping => _runner.Options.Cancellation.IsCancellationRequested || Volatile.Read(ref _failure) is not null || Volatile.Read(ref _progressFailure) is not null;

    /// <summary>Runs the pending trials; the time it took.</summary>
    public TimeSpan Execute()
    {
        var clock = Stopwatch.StartNew();
        int workers = (int)Math.Min(_runner.Options.Workers, Math.Max(1, _pending.Count));
        for (int i = 0; i < workers; i++)
        {
            Start();
        }

        var lastReport = TimeSpan.Zero;
        while (_workers.Any(w => !w.Abandoned && !w.Finished))
        {
            if (!_runner.Workload.RunsOnVirtualTime)
            {
                ReplaceHungWorkers();
            }

            if (clock.Elapsed - lastReport >= ProgressPeriod)
            {
                lastReport = clock.Elapsed;
                Report(clock.Elapsed);
            }

            Thread.Sleep(20);
        }

        Report(clock.Elapsed);
        if (_failure is not null)
        {
            throw _failure;
        }

        if (_progressFailure is not null)
        {
            throw new InvalidOperationException($"The progress display failed: {_progressFailure.Message}", _progressFailure);
        }

        return clock.Elapsed;
    }

    public bool TryTake(out long trial)
    {
        int index = Interlocked.Increment(ref _next) - 1;
        trial = index < _pending.Count ? _pending[index] : -1;
        return index < _pending.Count;
    }

    public void Fail(long trial, Exception exception)
    {
        lock (_failureGate)
        {
            _failure ??= new CampaignFailedException(trial, exception);
        }
    }

    private void Start()
    {
        var worker = new TrialWorker(this);
        _workers.Add(worker);
        worker.Start();
    }

    private void ReplaceHungWorkers()
    {
        long now = Stopwatch.GetTimestamp();
        foreach (var worker in _workers.ToList())
        {
            if (worker.TryAbandon(now, out long trial, out _))
            {
                var (variant, variantTrial, planned) = _runner.Plan(trial);
                // The detail names the rule, not the measured limit: results hold nothing that depends on the machine.
                _sink.Add(new TrialResult(trial, variant, variantTrial, planned.Input, planned.Fault, TrialOutcome.Hang, "no answer within ten times the golden run's time (and at least the hang floor) on the host clock; its worker was abandoned"));
                if (!Stopping)
                {
                    Start();
                }
            }
        }
    }

    private void Report(TimeSpan elapsed)
    {
        long done = _sink.Count;
        try
        {
            _runner.Options.Progress?.Invoke(new CampaignProgress(done, _total, done - _resumed, elapsed));
        }
        catch (Exception exception)
        {
            // The display failed (a closed pipe...): stop taking trials, let the running ones
            // finish into the file, then report it. Nothing recorded is lost.
            _progressFailure ??= exception;
        }
    }
}
