using System.Globalization;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Workloads.EccRegion;
using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.Scheduling;
using FlightSw.Edac.Codec;
using FlightSw.Hal.Memory;
using EdacRegion = FlightSw.Edac.Regions.EccRegion;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// Injects a planned fault into a running boot, through the routes the ground and the radiation
/// have: bits of a region in the board's memory map (what radiation and <c>FI_FLIP_BIT</c> hit),
/// or a hang through the fault injector's <c>FI_HANG</c> command. The executive (the component
/// named <c>scheduler</c>) is the exception: it runs no cycle that a hang flag could stop, so its
/// hang is <see cref="FlightApplication.Halt"/>, the executive's thread stopping with the watchdog armed.
/// </summary>
internal static class NodeInjector
{
    /// <summary>The command that makes a component hang.</summary>
    public const string HangCommand = "FI_HANG";

    /// <summary>Injects <paramref name="fault"/> into <paramref name="app"/>; returns what was done, for the trial's detail (invariant text: the same on every machine).</summary>
    /// <exception cref="InvalidOperationException">The boot has no such region or component, or the region cannot take the fault kind.</exception>
    public static string Inject(FlightApplication app, PlannedFault fault)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(fault);
        return fault.Site switch
        {
            FaultSiteKind.EccWord => FlipBits(app, fault),
            FaultSiteKind.ComponentState => Hang(app, fault.Target),
            _ => throw new InvalidOperationException($"The node workload injects ecc-word and component-state faults, not {fault.Site}."),
        };
    }

    private static string FlipBits(FlightApplication app, PlannedFault fault)
    {
        if (!app.Board.Memory.TryFind(fault.Target, out var target))
        {
            throw new InvalidOperationException($"Region '{fault.Target}' is not in this boot's memory map; known: {string.Join(", ", app.Board.Memory.Targets.Select(t => t.Name))}.");
        }

        var bits = CodewordUpset.PhysicalBits(target, fault, () => StoredCodeword(target, fault));
        foreach (long bit in bits)
        {
            target.FlipBit(bit);
        }

        string what = Describe(fault);
        return bits.Count == 0
            ? $"{what}, which changed no bit"
            : string.Create(CultureInfo.InvariantCulture, $"{what} ({bits.Count} physical bit(s) flipped)");
    }

    /// <summary>The ecc-word fault in words, with invariant numbers, naming the word and region (the trial detail's own wording, independent of <see cref="PlannedFault.ToString"/>).</summary>
    internal static string Describe(PlannedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return fault.Kind switch
        {
            FaultKind.SingleBit => string.Create(CultureInfo.InvariantCulture, $"bit {fault.Bit} of word {fault.Element} of {fault.Target} flipped"),
            FaultKind.AdjacentBits => string.Create(CultureInfo.InvariantCulture, $"bits {fault.Bit}..{fault.Bit + fault.Width - 1} of word {fault.Element} of {fault.Target} flipped"),
            FaultKind.RandomValue => string.Create(CultureInfo.InvariantCulture, $"data of word {fault.Element} of {fault.Target} replaced by 0x{fault.Value:x16}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"bit {fault.Bit} of word {fault.Element} of {fault.Target} stuck at {fault.Value & 1}"),
        };
    }

    /// <summary>The codeword as stored: radiation is off, so the word is clean and a correcting read changes nothing.</summary>
    private static (ulong Data, byte Check) StoredCodeword(IUpsetTarget target, PlannedFault fault)
    {
        if (target is not EdacRegion region)
        {
            throw new InvalidOperationException($"Region '{target.Name}' is not an ECC region; a {fault.Kind} fault needs its stored value.");
        }

        region.TryReadWord((int)fault.Element, out ulong data);
        return (data, Hsiao7264.Encode(data));
    }

    private static string Hang(FlightApplication app, string name)
    {
        var component = app.FindComponent(name) ?? throw new InvalidOperationException($"This boot has no component '{name}'.");
        if (component is RateGroupScheduler)
        {
            app.Halt();
            return $"the executive ({component.Name}) stopped (FlightApplication.Halt)";
        }

        var response = app.Commands.Execute(CommandRequest.Of(HangCommand, component.Name));
        return response.Succeeded
            ? $"{HangCommand} {component.Name}: {response.Message}"
            : $"{HangCommand} {component.Name} refused ({response.Status}: {response.Message})";
    }
}
