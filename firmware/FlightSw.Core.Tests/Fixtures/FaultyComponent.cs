using FlightSw.Core.Components;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Tests.Fixtures;

/// <summary>A component that throws from every cycle while <see cref="Failing"/> is set, as a software fault would.</summary>
public sealed class FaultyComponent : Component
{
    private readonly TelemetryChannel<uint> _completed;

    /// <summary>Creates the component, failing from the start.</summary>
    public FaultyComponent()
        : base("faulty", 0x2200)
    {
        _completed = DeclareChannel<uint>(0, "FAULTY_COMPLETED", "", "Cycles completed without a fault");
    }

    /// <summary>Whether cycles throw.</summary>
    public bool Failing { get; set; } = true;

    /// <summary>Cycles attempted, failed or not.</summary>
    public int Attempts { get; private set; }

    /// <summary>Cycles completed.</summary>
    public uint Completed => _completed.Value;

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        Attempts++;
        if (Failing)
        {
            throw new InvalidOperationException($"boom in cycle {cycle.Index}");
        }

        _completed.Write(_completed.Value + 1);
    }
}
