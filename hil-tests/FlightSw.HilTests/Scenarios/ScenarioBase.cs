using FlightSw.Core.Events;
using FlightSw.HilTests.Targets;
using FlightSw.Sim.Scenarios;

namespace FlightSw.HilTests.Scenarios;

/// <summary>Gives every scenario a freshly booted target, created from FLIGHTSW_TARGET.</summary>
public abstract class ScenarioBase
{
    /// <summary>Category of scenarios that set the simulated environment; skipped on real boards.</summary>
    public const string EnvironmentControl = "EnvironmentControl";

    protected Target Target { get; private set; } = null!;

    /// <summary>The scenario from sim/scenarios the target flies; null (the default) for a constant environment.</summary>
    protected virtual string? Flies => null;

    /// <summary>The target's seed; 7 by default.</summary>
    protected virtual int Seed => 7;

    [SetUp]
    public void BootTarget()
    {
        // A target driven over the link cannot set the environment: skip before booting it.
        string target = Environment.GetEnvironmentVariable(Target.Variable) is { Length: > 0 } chosen ? chosen : "sim";
        if (target != "sim" && NeedsEnvironmentControl())
        {
            Assert.Ignore($"Target {target} is driven over its link only and cannot set the simulated environment; this scenario ({EnvironmentControl}) needs FLIGHTSW_TARGET=sim.");
        }

        Target = Target.FromEnvironment(Seed, Flies is { } name ? ScenarioCatalog.Locate().Load(name) : null);
        Target.Boot();
    }

    [TearDown]
    public void ReleaseTarget()
    {
        // Null when the scenario was skipped before booting.
        Target?.Dispose();
        Target = null!;
    }

    /// <summary>Skips the scenario, with the reason, where the target cannot set its environment.</summary>
    protected void RequireEnvironmentControl()
    {
        if (!Target.ControlsEnvironment)
        {
            Assert.Ignore($"Target {Target.Name} cannot set its environment; this scenario needs the simulated board.");
        }
    }

    private bool NeedsEnvironmentControl()
    {
        var method = GetType().GetMethod(TestContext.CurrentContext.Test.MethodName ?? "");
        return GetType().GetCustomAttributes(typeof(CategoryAttribute), inherit: true)
            .Concat(method?.GetCustomAttributes(typeof(CategoryAttribute), inherit: true) ?? [])
            .OfType<CategoryAttribute>()
            .Any(category => category.Name == EnvironmentControl);
    }

    protected IEnumerable<EventRecord> EventsNamed(string name) => Target.Events.Where(e => e.Name == name);

    protected long Updates(string channel) => Target.Telemetry(channel).UpdateCount;

    protected object? Value(string channel) => Target.Telemetry(channel).Value;
}
