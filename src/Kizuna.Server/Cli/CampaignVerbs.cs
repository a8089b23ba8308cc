using System.CommandLine;
using System.Globalization;
using Kizuna.Campaigns;
using Kizuna.Campaigns.Reports;
using Kizuna.Server.Campaigns;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>The three sub-verbs of <see cref="CampaignCommand"/>.</summary>
internal static class CampaignVerbs
{
    public static Command List(CliContext cli)
    {
        var workspace = WorkspaceOption();
        var command = new Command("list", "The workspace's campaigns with their states") { workspace };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, result, ct) =>
        {
            if (await SegmentCommand.WorkspaceAsync(app, result.GetRequiredValue(workspace), ct) is not { } ws)
            {
                return ExitCodes.Usage;
            }

            AnsiConsole.Write(CampaignCommand.CampaignsTable(await app.Services.GetRequiredService<CampaignService>().ListAsync(ws.Id, ct)));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show(CliContext cli)
    {
        var id = IdArgument();
        var workspace = WorkspaceOption();
        var command = new Command("show", "A campaign's definition") { id, workspace };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, result, ct) =>
        {
            if (await FindAsync(app, result.GetRequiredValue(workspace), result.GetValue(id), ct) is not { } campaign)
            {
                return ExitCodes.Usage;
            }

            AnsiConsole.Write(CampaignCommand.CampaignsTable([campaign]));
            Console.WriteLine(CampaignJson.Write(campaign.Definition));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Report(CliContext cli)
    {
        var id = IdArgument();
        var workspace = WorkspaceOption();
        var csv = new Option<bool>("--csv") { Description = "Write the report as CSV to standard output" };
        var command = new Command("report", "A campaign's results by variant, with the controls and the uplift") { id, workspace, csv };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, result, ct) =>
        {
            if (await FindAsync(app, result.GetRequiredValue(workspace), result.GetValue(id), ct) is not { } campaign)
            {
                return ExitCodes.Usage;
            }

            var report = (await app.Services.GetRequiredService<CampaignService>().ReportAsync(campaign.WorkspaceId, campaign.Id, ct))!;
            if (result.GetValue(csv))
            {
                await using var output = Console.OpenStandardOutput();
                await CampaignCsv.WriteAsync(output, report, ct);
                return ExitCodes.Ok;
            }

            AnsiConsole.Write(ReportTable(report));
            foreach (var line in report.Comparisons.Select(c => c.Summary).Prepend(report.Uplift?.Summary ?? "No control to measure uplift against."))
            {
                Console.WriteLine(line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table ReportTable(CampaignReport report)
    {
        var table = new Table().AddColumn("Group");
        string[] columns = ["Targeted", "Sent", "Delivered", "Opens", "Clicks", "CTR", "CTOR", "Conversions", "Conv. rate", "Revenue"];
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var (name, m) in report.Variants.Select(v => ($"Variant {v.Name}", v.Metrics)).Prepend(("Total", report.Total)))
        {
            table.AddRow(Markup.Escape(name), N(m.Targeted), N(m.Sent), N(m.Delivered), N(m.UniqueOpens), N(m.UniqueClicks), P(m.ClickThroughRate),
                P(m.ClickToOpenRate), N(m.Conversions), P(m.ConversionRate), Markup.Escape(string.Join(" ", m.Revenue.Select(r => $"{r.Amount.ToString("N2", CultureInfo.CurrentCulture)} {r.Currency}"))));
        }

        foreach (var (name, c) in new[] { ("Control", report.Control), ("Global control", report.GlobalControl) })
        {
            table.AddRow(name, N(c.Size), "", "", "", "", "", "", N(c.ConversionRate.Hits), P(c.ConversionRate.Rate), "");
        }

        return table;
    }

    private static async Task<Campaign?> FindAsync(WebApplication app, string slug, long id, CancellationToken ct)
    {
        if (await SegmentCommand.WorkspaceAsync(app, slug, ct) is not { } ws)
        {
            return null;
        }

        var campaign = await app.Services.GetRequiredService<CampaignService>().FindAsync(ws.Id, id, ct);
        if (campaign is null)
        {
            Console.Error.WriteLine($"No campaign {id} in workspace '{ws.Slug}'.");
        }

        return campaign;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string P(double rate) => (rate * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%";

    private static Argument<long> IdArgument() => new("id") { Description = "The campaign's id (see campaign list)" };

    private static Option<string> WorkspaceOption() => new("--workspace")
    {
        Description = "The slug of the workspace",
        HelpName = "slug",
        DefaultValueFactory = _ => "default",
    };
}
