using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads;

namespace FlightSw.Campaigns.Tests.Fixtures;

/// <summary>A workload whose trials do what the test says (answer, throw, block), for the runner's own behaviour.</summary>
internal sealed class ScriptedWorkloadFactory : IWorkloadFactory
{
    private readonly Func<PlannedFault, TrialVerdict> _script;

    public ScriptedWorkloadFactory(Func<PlannedFault, TrialVerdict> script) => _script = script;

    public string Description => "scripted";

    public IReadOnlyList<string> Variants { get; } = ["none"];

    public int InputCount => 1;

    public bool RunsOnVirtualTime => false;

    public IReadOnlyList<FaultTarget> TargetsOf(string variant) => [new FaultTarget(FaultSiteKind.Weight, "layer", 0, 1_000_000, 32)];

    public IWorkload Create(string variant) => new Scripted(_script);

    public void Dispose()
    {
    }

    /// <summary>A verdict from the fault alone, so any worker gives the same.</summary>
    public static TrialVerdict Echo(PlannedFault fault) => new(fault.Bit % 2 == 0 ? TrialOutcome.Masked : TrialOutcome.Sdc, $"bit {fault.Bit}");

    private sealed class Scripted(Func<PlannedFault, TrialVerdict> script) : IWorkload
    {
        public TimeSpan GoldenTime(int input) => TimeSpan.FromMilliseconds(1);

        public TrialVerdict Run(int input, PlannedFault fault) => script(fault);

        public void Dispose()
        {
        }
    }
}
