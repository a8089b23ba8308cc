using System.Globalization;
using Kizuna.Imports;
using Kizuna.Workspaces;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary><c>kizuna import &lt;file.csv&gt; --mapping &lt;mapping.json&gt; [--workspace &lt;slug&gt;]</c>: a CSV import with a progress bar.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(WebApplication app, KizunaCommand command)
    {
        var ct = app.Lifetime.ApplicationStopping;
        if (command.Positional is not [var file, ..] || command.Option("--mapping") is not { } mappingPath)
        {
            AnsiConsole.MarkupLine("Usage: [bold]kizuna import[/] <file.csv> --mapping <mapping.json> [[--workspace <slug>]] [[--data <dir> | --postgres <conn>]]");
            return 2;
        }

        if (!File.Exists(file) || !File.Exists(mappingPath))
        {
            AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(File.Exists(file) ? mappingPath : file)}");
            return 2;
        }

        ImportMapping mapping;
        try
        {
            mapping = ImportMappingParser.Parse(await File.ReadAllTextAsync(mappingPath, ct));
            await ImportService.CheckHeaderAsync(file, mapping, ct);
        }
        catch (ImportMappingException ex)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Field)}:[/] {Markup.Escape(ex.Message)}");
            return 2;
        }

        await using var services = await BackgroundServices.StartAsync(app, ct);
        var firstRun = await app.Services.GetRequiredService<FirstRunSetup>().EnsureAsync(ct);
        if (firstRun is not null)
        {
            CommandRunner.PrintFirstRun(firstRun);
        }

        var slug = command.Option("--workspace") ?? "default";
        if (await app.Services.GetRequiredService<WorkspaceService>().FindBySlugAsync(slug, ct) is not { } workspace)
        {
            AnsiConsole.MarkupLine($"[red]No workspace '{Markup.Escape(slug)}'.[/]");
            return 2;
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
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AnsiConsole.MarkupLine($"[red]Import failed:[/] {Markup.Escape(ex.Message)}");
            return 1;
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
