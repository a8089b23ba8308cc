using System.CommandLine;
using System.Globalization;
using Kizuna.Segments;
using Kizuna.Server.Segments;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>The four sub-verbs of <see cref="SegmentCommand"/>.</summary>
internal static class SegmentVerbs
{
    public static Command List(CliContext cli)
    {
        var workspace = WorkspaceOption();
        var archived = new Option<bool>("--archived") { Description = "Include archived segments" };
        var command = new Command("list", "The workspace's segments with their sizes") { workspace, archived };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, result, ct) =>
        {
            if (await SegmentCommand.WorkspaceAsync(app, result.GetRequiredValue(workspace), ct) is not { } ws)
            {
                return ExitCodes.Usage;
            }

            AnsiConsole.Write(SegmentCommand.SegmentsTable(await app.Services.GetRequiredService<SegmentService>().ListAsync(ws.Id, result.GetValue(archived), ct)));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show(CliContext cli)
    {
        var id = new Argument<long>("id") { Description = "The segment's id (see segment list)" };
        var workspace = WorkspaceOption();
        var command = new Command("show", "A segment's definition, size and size over the last 14 days") { id, workspace };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, result, ct) =>
        {
            if (await SegmentCommand.WorkspaceAsync(app, result.GetRequiredValue(workspace), ct) is not { } ws)
            {
                return ExitCodes.Usage;
            }

            var service = app.Services.GetRequiredService<SegmentService>();
            if (await service.FindAsync(ws.Id, result.GetValue(id), ct) is not { } segment)
            {
                Console.Error.WriteLine($"No segment {result.GetValue(id)} in workspace '{ws.Slug}'.");
                return ExitCodes.Usage;
            }

            AnsiConsole.Write(SegmentCommand.SegmentsTable([segment]));
            Console.WriteLine(app.Services.GetRequiredService<SegmentEngine>().TextOf(segment.Definition));
            var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var history = new Table().AddColumn("Day").AddColumn(new TableColumn("Size").RightAligned())
                .AddColumn(new TableColumn("Entered").RightAligned()).AddColumn(new TableColumn("Exited").RightAligned());
            foreach (var point in await service.SizeHistoryAsync(ws.Id, segment.Id, today.AddDays(-13), today, ct))
            {
                history.AddRow(point.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    SegmentCommand.Count(point.Size), SegmentCommand.Count(point.Entered), SegmentCommand.Count(point.Exited));
            }

            AnsiConsole.Write(history);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Eval(CliContext cli)
    {
        var text = new Argument<string?>("definition") { Arity = ArgumentArity.ZeroOrOne, Description = "The definition in the text form" };
        var file = new Option<FileInfo>("--file") { Description = "Read the definition from a file (JSON tree, or the text form)", HelpName = "definition" }.AcceptExistingOnly();
        var sample = NumberOption.Create("--sample", "count", 0, 100, "Members to list (0–100; default 10)");
        var workspace = WorkspaceOption();
        var command = new Command("eval", "How many profiles a definition holds now, and the first of them; nothing is saved") { text, file, sample, workspace };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(text) is null) == (r.GetValue(file) is null))
            {
                r.AddError("Give the definition either as an argument or with --file.");
            }
        });
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, result, ct) =>
        {
            if (await SegmentCommand.WorkspaceAsync(app, result.GetRequiredValue(workspace), ct) is not { } ws)
            {
                return ExitCodes.Usage;
            }

            var source = result.GetValue(file) is { } f ? await File.ReadAllTextAsync(f.FullName, ct) : result.GetValue(text)!;
            var json = source.TrimStart().StartsWith('{');
            var (check, preview) = await app.Services.GetRequiredService<SegmentService>()
                .PreviewAsync(ws.Id, json ? source : null, json ? null : source, result.GetValue(sample) ?? 10, ct);
            if (preview is null)
            {
                SegmentCommand.PrintProblems(check.Problems);
                return ExitCodes.Usage;
            }

            AnsiConsole.MarkupLine($"[green]{SegmentCommand.Count(preview.Size)}[/] {(preview.Size == 1 ? "profile" : "profiles")}");
            foreach (var p in preview.Sample)
            {
                Console.WriteLine($"{p.ProfileId.ToString(CultureInfo.InvariantCulture)}\t{p.UserId}\t{p.Email}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Export(CliContext cli)
    {
        var id = new Argument<long>("id") { Description = "The segment's id (see segment list)" };
        var output = new Option<FileInfo?>("--output") { Description = "The CSV file to write (default: standard output)", HelpName = "file.csv" };
        var workspace = WorkspaceOption();
        var command = new Command("export", "A segment's members as CSV: profile_id, user_id, email, entered_at") { id, output, workspace };
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, result, ct) =>
        {
            if (await SegmentCommand.WorkspaceAsync(app, result.GetRequiredValue(workspace), ct) is not { } ws)
            {
                return ExitCodes.Usage;
            }

            var service = app.Services.GetRequiredService<SegmentService>();
            if (await service.FindAsync(ws.Id, result.GetValue(id), ct) is not { } segment)
            {
                Console.Error.WriteLine($"No segment {result.GetValue(id)} in workspace '{ws.Slug}'.");
                return ExitCodes.Usage;
            }

            await using var stream = result.GetValue(output) is { } path ? File.Create(path.FullName) : Console.OpenStandardOutput();
            await SegmentCsv.WriteAsync(stream, service.AllMembersAsync(ws.Id, segment.Id, ct), ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> WorkspaceOption() => new("--workspace")
    {
        Description = "The slug of the workspace",
        HelpName = "slug",
        DefaultValueFactory = _ => "default",
    };
}
