using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.PayloadDuty;

/// <summary>
/// The node's payload work until the inference component replaces it: every PAYLOAD_PERIOD_S it
/// runs one heavy job of PAYLOAD_JOB_S, asking the power manager (the component named
/// <see cref="PowerManager.ComponentName"/>) for leave first. Schedule it in the 1 Hz group.
/// </summary>
/// <remarks>
/// <para><b>Design note.</b> Requirements, each with how it is verified (tests in
/// <c>FlightSw.Core.Tests/PayloadDuty</c>, on the simulated board):</para>
/// <list type="number">
/// <item>PAY-1 A job is due one period after start and then one period after the previous job
/// started (start to start; a job longer than the period makes the next one due as it ends). It
/// runs as a job on the board's workload for PAYLOAD_JOB_S. Verified: without a power manager a
/// job starts after the first period, holds one workload job and ends after its duration.</item>
/// <item>PAY-2 With a power manager, jobs start only through <see cref="PowerManager.TryBeginHeavyJob"/>;
/// without one they run unconditionally. Verified both ways.</item>
/// <item>PAY-3 A deferred job waits and is retried every cycle; the wait is counted and reported
/// once (PAYLOAD_JOB_DEFERRED), not every second. Verified over minutes of waiting.</item>
/// <item>PAY-4 A job in progress ends as soon as <see cref="PowerManager.ModeChanged"/> leaves a mode
/// with heavy jobs. The work it did not finish is owed: the next job is due at once and starts when
/// power allows. A job cut short is not counted done (PAYLOAD_JOBS_CUT counts it). Verified by test.</item>
/// <item>PAY-5 PAYLOAD_RUN starts a job now if none runs and power allows, otherwise is refused
/// with the reason; a commanded job restarts the period. Verified by test.</item>
/// </list>
/// </remarks>
public sealed class PayloadDuty : Component
{
    /// <summary>Id base of the payload duty.</summary>
    public const ushort ComponentIdBase = 0x1500;

    /// <summary>The payload duty's component name.</summary>
    public const string ComponentName = "payload";

    /// <summary>The name of the payload's jobs on the workload.</summary>
    public const string JobName = "payload";

    /// <summary>Default time from one job's start to the next: 600 s.</summary>
    public const double DefaultPeriodSeconds = 600;

    /// <summary>Default length of a job: 300 s.</summary>
    public const double DefaultJobSeconds = 300;

    private readonly TelemetryChannel<uint> _jobsDone;
    private readonly TelemetryChannel<uint> _jobsDeferred;
    private readonly TelemetryChannel<bool> _active;
    private readonly TelemetryChannel<uint> _jobsCut;
    private readonly EventDefinition _started;
    private readonly EventDefinition _ended;
    private readonly EventDefinition _deferred;
    private readonly Parameter<double> _periodSeconds;
    private readonly Parameter<double> _jobSeconds;
    private PowerManager? _power;
    private IDisposable? _job;
    private long _jobStartedAt;
    private long _lastStartAt;
    private bool _owed;
    private bool _waiting;

    /// <summary>Creates the payload duty.</summary>
    public PayloadDuty()
        : base(ComponentName, ComponentIdBase)
    {
        // The payload is the mission, not what keeps the node alive: if it cannot be recovered
        // it is disabled, and a SAFE boot leaves it out.
        IsCritical = false;
        _jobsDone = DeclareChannel<uint>(0, "PAYLOAD_JOBS_DONE", "", "Payload jobs run to the end since boot");
        _jobsDeferred = DeclareChannel<uint>(1, "PAYLOAD_JOBS_DEFERRED", "", "Payload jobs that had to wait for power since boot");
        _active = DeclareChannel<bool>(2, "PAYLOAD_ACTIVE", "", "Whether a payload job runs");
        _jobsCut = DeclareChannel<uint>(3, "PAYLOAD_JOBS_CUT", "", "Payload jobs ended early since boot");

        _started = DeclareEvent(0, "PAYLOAD_JOB_STARTED", EventSeverity.ActivityLow, "Payload job started ({trigger}) for {seconds} s");
        _ended = DeclareEvent(1, "PAYLOAD_JOB_ENDED", EventSeverity.ActivityLow, "Payload job ended after {seconds} s: {reason}");
        _deferred = DeclareEvent(2, "PAYLOAD_JOB_DEFERRED", EventSeverity.ActivityLow, "Payload job waits for power (mode {mode})");

        _periodSeconds = DeclareParameter(0, "PAYLOAD_PERIOD_S", DefaultPeriodSeconds, 10.0, 86400.0, "s", "Time from one payload job's start to the next");
        _jobSeconds = DeclareParameter(1, "PAYLOAD_JOB_S", DefaultJobSeconds, 1.0, 86400.0, "s", "Length of a payload job");

        DeclareCommand(0, "PAYLOAD_RUN", "Starts a payload job now if none runs and power allows", RunCommand);
    }

    /// <summary>Whether a payload job runs.</summary>
    public bool IsActive => _job is not null;

    /// <summary>Payload jobs run to the end since boot.</summary>
    public uint JobsDone => _jobsDone.Value;

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        _jobsDone.Write(0);
        _jobsDeferred.Write(0);
        _jobsCut.Write(0);
        _active.Write(false);
    }

    /// <inheritdoc />
    protected override void OnStart()
    {
        _power = Context.Components.TryGetValue(PowerManager.ComponentName, out var component) ? component as PowerManager : null;
        if (_power is not null)
        {
            _power.ModeChanged += OnPowerModeChanged;
        }

        _lastStartAt = Context.Time.GetTimestamp();
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        if (_power is not null)
        {
            _power.ModeChanged -= OnPowerModeChanged;
        }

        EndJob("node stopping", done: false);
    }

    /// <inheritdoc />
    protected override void OnRestart() => EndJob("restarted by the health monitor", done: false);

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        var time = Context.Time;
        if (_job is not null)
        {
            if (time.GetElapsedTime(_jobStartedAt).TotalSeconds >= _jobSeconds.Value)
            {
                EndJob("complete", done: true);
            }

            return;
        }

        if (!_owed && time.GetElapsedTime(_lastStartAt).TotalSeconds < _periodSeconds.Value)
        {
            return;
        }

        if (!TryStart("scheduled") && !_waiting)
        {
            _waiting = true;
            _jobsDeferred.Write(_jobsDeferred.Value + 1);
            Emit(_deferred, _power?.Mode ?? PowerMode.Nominal);
        }
    }

    private bool TryStart(string trigger)
    {
        var job = _power is null ? Context.Board.Workload.BeginJob(JobName) : _power.TryBeginHeavyJob(JobName);
        if (job is null)
        {
            return false;
        }

        _job = job;
        _jobStartedAt = Context.Time.GetTimestamp();
        _lastStartAt = _jobStartedAt;
        _owed = false;
        _waiting = false;
        _active.Write(true);
        Emit(_started, trigger, _jobSeconds.Value);
        return true;
    }

    private void EndJob(string reason, bool done)
    {
        if (_job is null)
        {
            return;
        }

        _job.Dispose();
        _job = null;
        _active.Write(false);
        if (done)
        {
            _jobsDone.Write(_jobsDone.Value + 1);
        }
        else
        {
            _jobsCut.Write(_jobsCut.Value + 1);
        }

        Emit(_ended, Context.Time.GetElapsedTime(_jobStartedAt).TotalSeconds, reason);
    }

    private void OnPowerModeChanged(PowerMode from, PowerMode to)
    {
        if (_job is not null && !(_power?.AllowsHeavyJobs ?? true))
        {
            EndJob($"power mode {to}", done: false);
            _owed = true;
        }
    }

    private CommandResult RunCommand(CommandArguments arguments)
    {
        if (_job is not null)
        {
            return CommandResult.Refused("a payload job is already running");
        }

        return TryStart("commanded")
            ? CommandResult.Ok("payload job started")
            : CommandResult.Refused($"power mode {_power?.Mode} allows no heavy job");
    }
}
