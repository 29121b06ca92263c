using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Ground;
using FlightSw.Link.Security;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Faults;

namespace FlightSw.HilTests.Targets;

/// <summary>
/// A node driven over its space link only, as a ground station drives it: commands are signed
/// telecommands, telemetry and events arrive as packets. The environment cannot be set from
/// here, so scenarios that need it are skipped with their reason.
/// </summary>
public abstract class LinkTarget : Target
{
    private readonly List<EventRecord> _events = [];
    private readonly Lock _eventsGate = new();
    private GroundClient? _client;

    /// <summary>Where the node's link listens.</summary>
    public abstract (string Host, int Port) LinkEndpoint { get; }

    /// <summary>The keys the target signs with.</summary>
    public abstract KeyRing Keys { get; }

    /// <summary>The connected ground client.</summary>
    public GroundClient Client => _client ?? throw new InvalidOperationException($"Target {Name} is not connected; boot it first.");

    /// <inheritdoc />
    public override bool ControlsEnvironment => false;

    /// <inheritdoc />
    public override IReadOnlyList<EventRecord> Events
    {
        get
        {
            lock (_eventsGate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public override TelemetrySample Telemetry(string channel)
    {
        var client = Client;
        var entry = client.Dictionary.Channels.FirstOrDefault(c => c.Name == channel)
            ?? throw new KeyNotFoundException($"No telemetry channel {channel} in the node's dictionary.");
        return client.Latest(channel) is { } sample
            ? new TelemetrySample(sample.Id, sample.Name, sample.Value, sample.Time, sample.UpdateCount)
            : new TelemetrySample(entry.Id, entry.Name, null, default, 0);
    }

    /// <inheritdoc />
    public override void SetSupply(double volts, double amps) => throw EnvironmentNotReachable("set the supply");

    /// <inheritdoc />
    public override void SetUpsetRate(double ratePerBitPerDay) => throw EnvironmentNotReachable("set the upset rate");

    /// <inheritdoc />
    public override void InjectLatchUp(double stepAmps) => throw EnvironmentNotReachable("inject a latch-up");

    /// <inheritdoc />
    public override void InjectPowerLossDuringWrite() => throw EnvironmentNotReachable("cut the power");

    /// <inheritdoc />
    public override int TornWrites => 0;

    /// <inheritdoc />
    public override IReadOnlyList<InjectedUpset> InjectedUpsets => [];

    /// <inheritdoc />
    public override IReadOnlyList<LatchUp> LatchUps => [];

    /// <inheritdoc />
    public override IReadOnlyList<FunctionalInterrupt> FunctionalInterrupts => [];

    /// <inheritdoc />
    public override IReadOnlyList<EnvironmentRecord> EnvironmentLog => [];

    /// <inheritdoc />
    public override string? DamageReason => null;

    /// <summary>Takes <paramref name="client"/> as the target's connection; its events join the target's record.</summary>
    protected void Use(GroundClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client?.Dispose();
        _client = client;
        client.EventReceived += record =>
        {
            lock (_eventsGate)
            {
                _events.Add(record);
            }
        };

        // Events that arrived before the handler was attached (the boot's, stored by the node while no ground listened).
        lock (_eventsGate)
        {
            foreach (var record in client.Events)
            {
                if (!_events.Any(e => e.Sequence == record.Sequence && e.Time == record.Time && e.Id == record.Id))
                {
                    _events.Add(record);
                }
            }

            _events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
        }
    }

    /// <summary>Sends a command and waits (wall time) for its acknowledgement.</summary>
    protected CommandResponse SendOverLink(string command, string[] arguments) => Client.Send(command, arguments);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
            _client = null;
        }
    }

    private NotSupportedException EnvironmentNotReachable(string what) =>
        new($"Target {Name} is driven over its link only and cannot {what}: that needs the simulated board in-process (FLIGHTSW_TARGET=sim).");
}
