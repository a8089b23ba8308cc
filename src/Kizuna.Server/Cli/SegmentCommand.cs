using System.CommandLine;
using System.Globalization;
using Kizuna.Segments;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>
/// <c>kizuna segment list|show|eval|export</c>: the segments of a workspace with their sizes, one segment's definition
/// and size history, the size and first members of a definition typed on the command line, and a segment's members as CSV.
/// </summary>
public sealed class SegmentCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna segment list", "The segments of the default workspace, with their sizes"),
        new("kizuna segment show 3", "Segment 3: its definition, size and the last 14 days"),
        new("kizuna segment eval 'trait.country = \"JP\" and performed(\"Order Completed\", count >= 2, within 90d)'", "How many customers a definition holds now, and the first of them"),
        new("kizuna segment eval --file vip.json --workspace shop-jp", "The same for a JSON definition in a file"),
        new("kizuna segment export 3 --output vip.csv", "Segment 3's members as CSV"),
    ];

    public Command Create(CliContext cli)
    {
        var command = new Command("segment", "List, show, evaluate and export segments");
        command.Subcommands.Add(SegmentVerbs.List(cli));
        command.Subcommands.Add(SegmentVerbs.Show(cli));
        command.Subcommands.Add(SegmentVerbs.Eval(cli));
        command.Subcommands.Add(SegmentVerbs.Export(cli));
        return command;
    }

    /// <summary>Migrates (a fresh data folder works) and finds the workspace; null after saying why when there is none.</summary>
    internal static async Task<Workspace?> WorkspaceAsync(WebApplication app, string slug, CancellationToken ct)
    {
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
        if (await app.Services.GetRequiredService<WorkspaceService>().FindBySlugAsync(slug, ct) is { } workspace)
        {
            return workspace;
        }

        Console.Error.WriteLine($"No workspace '{slug}'.");
        return null;
    }

    internal static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    internal static void PrintProblems(IEnumerable<Kizuna.Segments.Definitions.SegmentError> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem.Line is { } line
                ? $"line {line}, column {problem.Column}: {problem.Message}"
                : $"{problem.Path}: {problem.Message}");
        }
    }

    internal static Table SegmentsTable(IEnumerable<Segment> segments)
    {
        var table = new Table().AddColumn("Id").AddColumn("Name").AddColumn(new TableColumn("Members").RightAligned()).AddColumn("Version").AddColumn("Computed");
        foreach (var s in segments)
        {
            table.AddRow(s.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Name), Count(s.MemberCount),
                s.Version.ToString(CultureInfo.InvariantCulture), s.ComputedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "not yet");
        }

        return table;
    }
}
