using System.CommandLine;
using FlightSw.Cli.Campaign;

namespace FlightSw.Cli.Commands;

/// <summary><c>flightsw campaign run|merge|report</c>: fault-injection campaigns.</summary>
internal static class CampaignCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create(CliEnvironment env) => new("campaign", "Fault-injection campaigns: run one (or a shard of one), merge shards, report the results.")
    {
        CampaignRun.Create(env),
        CampaignMergeCommand.Create(env),
        CampaignReportCommand.Create(env),
    };
}
