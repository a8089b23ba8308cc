using System.CommandLine;
using System.Globalization;
using Kizuna.Imports;
using Kizuna.Workspaces;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary><c>kizuna import &lt;file.csv&gt; --mapping &lt;mapping.json&gt; [--workspace &lt;slug&gt;]</c>: a CSV import with a progress bar.</summary>
public sealed class ImportCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna import orders.csv --mapping docs/examples/online_retail.mapping.json", "Import orders into the default workspace"),
        new("kizuna import customers.csv --mapping customers.mapping.json --workspace shop-jp", "Import into another workspace"),
        new("kizuna import events.csv --mapping events.mapping.json --postgres \"Host=db;…\"", "Import into PostgreSQL"),
    ];

    public Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file to import" }.AcceptExistingOnly();
        var mapping = new Option<FileInfo>("--mapping")
        {
            Description = "The JSON mapping of the file's columns (see docs/import.md)",
            HelpName = "mapping.json",
            Required = true,
        }.AcceptExistingOnly();
        var workspace = new Option<string>("--workspace")
        {
            Description = "The slug of the workspace to import into",
            HelpName = "slug",
            DefaultValueFactory = _ => "default",
        };
        var command = new Command("import", "Import a CSV file of customers, products, orders or events, then exit") { file, mapping, workspace };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, (app, result, _) =>
            RunAsync(app, result.GetRequiredValue(file).FullName, result.GetRequiredValue(mapping).FullName, result.GetRequiredValue(workspace)));
        return command;
    }

    /// <summary>The exit code of a finished import: stored nothing but bad lines is a failure, some bad lines are said apart.</summary>
    public static int ExitCode(ImportReport report) => report.BadLines == 0 ? ExitCodes.Ok
        : report.BadLines >= report.LinesRead ? ExitCodes.Failure
        : ExitCodes.ImportHadBadLines;

    private static async Task<int> RunAsync(WebApplication app, string file, string mappingPath, string slug)
    {
        var ct = app.Lifetime.ApplicationStopping;
        ImportMapping mapping;
        try
        {
            mapping = ImportMappingParser.Parse(await File.ReadAllTextAsync(mappingPath, ct));
            await ImportService.CheckHeaderAsync(file, mapping, ct);
        }
        catch (ImportMappingException ex)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Field)}:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.Usage;
        }

        await using var services = await BackgroundServices.StartAsync(app, ct);
        var firstRun = await app.Services.GetRequiredService<FirstRunSetup>().EnsureAsync(ct);
        if (firstRun is not null)
        {
            CommandRunner.PrintFirstRun(firstRun);
        }

        if (await app.Services.GetRequiredService<WorkspaceService>().FindBySlugAsync(slug, ct) is not { } workspace)
        {
            AnsiConsole.MarkupLine($"[red]No workspace '{Markup.Escape(slug)}'.[/]");
            return ExitCodes.Usage;
        }

        try
        {
            var report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Importing {Markup.Escape(Path.GetFileName(file))}", maxValue: new FileInfo(file).Length);
                    var progress = new ProgressBar(task);
                    return await app.Services.GetRequiredService<ImportService>().ImportAsync(workspace.Id, file, mapping, progress, ct);
                });
            AnsiConsole.Write(ReportTable(report));
            var exitCode = ExitCode(report);
            AnsiConsole.MarkupLine(ImportVerdict.Markup(exitCode, report.SkippedWithoutCustomer));
            return exitCode;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AnsiConsole.MarkupLine($"[red]Import failed:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    private static Table ReportTable(ImportReport report)
    {
        var table = new Table().AddColumn("Import").AddColumn(new TableColumn("").RightAligned());
        void Row(string name, double value) => table.AddRow(name, value.ToString("N0", CultureInfo.CurrentCulture));
        Row("Lines read", report.LinesRead);
        switch (report.Kind)
        {
            case ImportKind.Orders:
                Row("Orders", report.Orders);
                Row("Order lines", report.OrderLines);
                Row("Customers", report.Customers);
                Row("Products", report.Products);
                Row("Cancellations (invoices)", report.Cancellations);
                Row("Cancellation lines", report.CancellationLines);
                Row("Refunds applied to earlier orders", report.CancellationsMatched);
                Row("Cancellation lines matched", report.CancellationLinesMatched);
                Row("Cancellation lines unmatched", report.CancellationLinesUnmatched);
                Row("Refunds kept without an order", report.UnmatchedRefunds);
                Row("Lines without customer id (skipped)", report.SkippedWithoutCustomer);
                break;
            case ImportKind.Customers:
                Row("Customers", report.Customers);
                break;
            case ImportKind.Products:
                Row("Products", report.Products);
                break;
            default:
                Row("Events", report.Events);
                break;
        }

        Row("Bad lines", report.BadLines);
        Row("Messages stored", report.Stored);
        Row("Duplicates (already imported)", report.Duplicates);
        table.AddRow("Elapsed", report.ElapsedSeconds.ToString("0.0 s", CultureInfo.CurrentCulture));
        foreach (var error in report.Errors.Take(10))
        {
            table.AddRow($"[yellow]line {error.Line}[/]", Markup.Escape(error.Reason));
        }

        if (report.BadLines > 10)
        {
            table.AddRow("[yellow]…[/]", $"{report.BadLines - 10} more bad lines");
        }

        return table;
    }

    private sealed class ProgressBar(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => task.Value = value.BytesRead;
    }
}
