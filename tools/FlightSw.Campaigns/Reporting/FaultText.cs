using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Reporting;

/// <summary>A fault in one line for the report, in the invariant culture (<see cref="PlannedFault.ToString"/> follows the current one).</summary>
internal static class FaultText
{
    public static string Of(PlannedFault fault)
    {
        string where = fault.Replica >= 0 ? FormattableString.Invariant($"{fault.Target} replica {fault.Replica}") : fault.Target;
        string site = CampaignConfigReader.SiteName(fault.Site);
        if (fault.Site == FaultSiteKind.ComponentState)
        {
            return FormattableString.Invariant($"{site} of {where} at {fault.At:0.###}");
        }

        string what = fault.Kind switch
        {
            FaultKind.SingleBit => FormattableString.Invariant($"bit {fault.Bit} flipped"),
            FaultKind.AdjacentBits => FormattableString.Invariant($"bits {fault.Bit}..{fault.Bit + fault.Width - 1} flipped"),
            FaultKind.RandomValue => FormattableString.Invariant($"replaced by 0x{fault.Value:x}"),
            _ => FormattableString.Invariant($"bit {fault.Bit} stuck at {fault.Value}"),
        };
        string when = fault.At > 0 ? FormattableString.Invariant($" at {fault.At:0.###}") : "";
        return FormattableString.Invariant($"{site} {fault.Element} of {where}: {what} ({fault.BitClass}){when}");
    }
}
