using System.CommandLine;
using System.Globalization;
using Kizuna.Analytics;
using Kizuna.Analytics.Metrics;
using Kizuna.Analytics.Rfm;
using Kizuna.Analytics.Scores;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>
/// <c>kizuna analyze [--workspace &lt;slug&gt;]</c>: refreshes every customer's scores (RFM, predicted CLV, P(alive))
/// with a progress display, then prints the headline numbers and the last 12 months of commerce.
/// </summary>
public sealed class AnalyzeCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna analyze", "Score every customer of the default workspace and print the report"),
        new("kizuna analyze --workspace shop-jp", "The same for another workspace"),
        new("kizuna analyze --postgres \"Host=db;…\"", "Against PostgreSQL"),
    ];

    public Command Create(CliContext cli)
    {
        var workspace = new Option<string>("--workspace")
        {
            Description = "The slug of the workspace to analyze",
            HelpName = "slug",
            DefaultValueFactory = _ => "default",
        };
        var command = new Command("analyze", "Refresh every customer's scores, print the headline numbers, then exit") { workspace };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, (app, result, _) => RunAsync(app, result.GetRequiredValue(workspace)));
        return command;
    }

    private static async Task<int> RunAsync(WebApplication app, string slug)
    {
        var ct = app.Lifetime.ApplicationStopping;
        if (await SegmentCommand.WorkspaceAsync(app, slug, ct) is not { } workspace)
        {
            return ExitCodes.Usage;
        }

        ScoreSummary summary;
        try
        {
            summary = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Scoring customers", maxValue: 1);
                    var progress = new Progress<ScoreRefreshProgress>(p =>
                    {
                        task.Description = Markup.Escape(p.Stage);
                        task.Value = (p.Step - 1) / (double)p.Steps;
                    });
                    var result = await app.Services.GetRequiredService<ScoreRefresher>().RefreshAsync(workspace.Id, progress, ct);
                    task.Description = "Scored";
                    task.Value = 1;
                    return result;
                });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AnsiConsole.MarkupLine($"[red]Analysis failed:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }

        var metrics = app.Services.GetRequiredService<MetricsService>();
        var period = await metrics.PeriodAsync(workspace.Id, OverviewPreset.Last12Months, null, ct);
        var commerce = (await metrics.CommerceAsync(new MetricsQuery(workspace.Id, period, MetricsScope.Workspace), ct)).Current;
        AnsiConsole.Write(ScoresTable(summary));
        AnsiConsole.Write(CommerceTable(period, commerce));
        return ExitCodes.Ok;
    }

    private static Table ScoresTable(ScoreSummary summary)
    {
        var table = new Table().AddColumn("Scores").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Customers scored", Count(summary.Customers));
        table.AddRow("With predictions", Count(summary.Predicted));
        table.AddRow("At risk of churn", $"{Count(summary.AtRisk)} ({summary.AtRiskShare.ToString("P1", CultureInfo.CurrentCulture)})");
        foreach (var segment in summary.Segments)
        {
            table.AddRow($"RFM: {Markup.Escape(RfmSegments.Name(segment.Segment))}", Count(segment.Customers));
        }

        foreach (var clv in summary.Clv)
        {
            var currency = Markup.Escape(clv.Currency ?? "no currency");
            table.AddRow($"Predicted 12-month CLV, total ({currency})", Money(clv.Total));
            table.AddRow($"Predicted 12-month CLV, mean ({currency})", Money(clv.Mean));
        }

        return table;
    }

    private static Table CommerceTable(OverviewPeriod period, CommerceMetrics commerce)
    {
        var currency = Markup.Escape(commerce.Currency ?? "no currency");
        var table = new Table()
            .AddColumn($"Commerce {period.From:yyyy-MM-dd} – {period.To:yyyy-MM-dd}")
            .AddColumn(new TableColumn("").RightAligned());
        table.AddRow($"Revenue ({currency})", Money(commerce.Revenue));
        table.AddRow("Orders", Count(commerce.Orders));
        table.AddRow($"Average order value ({currency})", Money(commerce.AverageOrderValue));
        table.AddRow("Repeat purchase rate", commerce.RepeatPurchaseRate.ToString("P1", CultureInfo.CurrentCulture));
        return table;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.CurrentCulture);
}
