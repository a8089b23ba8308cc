using System.CommandLine;
using Kizuna.Storage;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary><c>kizuna migrate</c>: brings the database schema up to date and exits, without serving.</summary>
public sealed class MigrateCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna migrate", "Ready the SQLite database in ./data"),
        new("kizuna migrate --postgres \"Host=db;Database=kizuna;Username=kizuna;Password=…\"", "Ready a PostgreSQL database before the nodes start"),
    ];

    public Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Apply the database migrations that are not applied yet, then exit");
        cli.AddStorageOptions(command);
        CliContext.SetAction(command, async (app, _, ct) =>
        {
            var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            AnsiConsole.MarkupLine($"[green]Database is up to date[/] ({applied} migration(s) applied).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
