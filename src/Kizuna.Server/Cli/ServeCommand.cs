using System.CommandLine;

namespace Kizuna.Server.Cli;

/// <summary><c>kizuna serve</c> (also <c>kizuna</c> alone): the server, readying the database and a first admin on an empty one.</summary>
public sealed class ServeCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna serve", "Serve on SQLite in ./data at http://localhost:5000"),
        new("kizuna serve --data /var/lib/kizuna --urls http://0.0.0.0:8080", "Another data folder, on every interface"),
        new("kizuna serve --postgres \"Host=db;Database=kizuna;Username=kizuna;Password=…\"", "Store in PostgreSQL"),
        new("kizuna serve --Logging:Console:FormatterName=json", "Any configuration key as --Section:Key=value: here JSON logs"),
    ];

    public Command Create(CliContext cli)
    {
        var command = new Command("serve", "Run the server: tracking API, admin API and dashboard (the default verb)");
        Configure(command, cli);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> serve's options and action; <c>kizuna</c> without a verb serves too.</summary>
    public static void Configure(Command command, CliContext cli)
    {
        cli.AddServerOptions(command);
        CliContext.SetAction(command, async (app, _, _) =>
        {
            if (!await CommandRunner.TryStartAsync(app))
            {
                return ExitCodes.Failure;
            }

            CommandRunner.PrintWelcome(app, await app.Services.GetRequiredService<FirstRunSetup>().EnsureAsync(app.Lifetime.ApplicationStopping));
            await app.WaitForShutdownAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
    }
}
