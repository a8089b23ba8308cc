using System.CommandLine;
using System.Globalization;
using Kizuna.Campaigns;
using Kizuna.Messaging;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>
/// <c>kizuna campaign list|show|report</c>: the campaigns of a workspace with their states, one campaign's definition,
/// and its report (totals, variants, controls, uplift and the A/B verdict in words), or the report as CSV.
/// </summary>
public sealed class CampaignCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna campaign list", "The campaigns of the default workspace with their states"),
        new("kizuna campaign show 2", "Campaign 2: channel, variants, audience, schedule and goal"),
        new("kizuna campaign report 2", "Campaign 2's results: sent, opens, clicks, conversions, revenue and uplift"),
        new("kizuna campaign report 2 --csv > spring.csv", "The same report as CSV"),
    ];

    public Command Create(CliContext cli)
    {
        var command = new Command("campaign", "List and show campaigns and their reports");
        command.Subcommands.Add(CampaignVerbs.List(cli));
        command.Subcommands.Add(CampaignVerbs.Show(cli));
        command.Subcommands.Add(CampaignVerbs.Report(cli));
        return command;
    }

    internal static Table CampaignsTable(IEnumerable<Campaign> campaigns)
    {
        var table = new Table().AddColumn("Id").AddColumn("Name").AddColumn("State").AddColumn("Channel").AddColumn("Variants").AddColumn("Runs").AddColumn("Started");
        foreach (var c in campaigns)
        {
            table.AddRow(
                c.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Name), CampaignStates.Name(c.State), MessageChannels.Name(c.Definition.Channel),
                Markup.Escape(string.Join(", ", c.Definition.Variants.Select(v => $"{v.Name} {v.Percent}%"))),
                c.Runs.ToString(CultureInfo.InvariantCulture), c.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "not yet");
        }

        return table;
    }
}
