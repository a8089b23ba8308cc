using System.Globalization;
using Kizuna.Demo;
using Kizuna.Profiles;
using Kizuna.Workspaces;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>
/// <c>kizuna demo [--customers N] [--data &lt;dir&gt;]</c>: a workspace full of realistic demo data, served at once.
/// The demo keeps its own data folder (<c>data/demo</c>) so it never mixes with real data; a second run just serves it.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(WebApplication app, KizunaCommand command)
    {
        var customers = 3_000;
        if (command.Option("--customers") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out customers) || customers is < 1 or > 1_000_000))
        {
            AnsiConsole.MarkupLine("[red]--customers takes a number from 1 to 1,000,000.[/]");
            return 2;
        }

        if (!await CommandRunner.TryStartAsync(app))
        {
            return 1;
        }

        var ct = app.Lifetime.ApplicationStopping;
        var firstRun = await app.Services.GetRequiredService<FirstRunSetup>().EnsureAsync(ct);
        var workspace = await app.Services.GetRequiredService<WorkspaceService>().FindBySlugAsync("default", ct)
            ?? throw new InvalidOperationException("The default workspace is missing.");
        var existing = await app.Services.GetRequiredService<ProfileService>().SearchAsync(workspace.Id, new ProfileQuery(null, null, null, 0, 1), ct);
        if (existing.Total == 0)
        {
            var report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Seeding demo customers", maxValue: customers);
                    var progress = new Progress(task);
                    return await app.Services.GetRequiredService<DemoDataGenerator>().SeedAsync(workspace.Id, new DemoOptions(customers), progress, ct);
                });
            AnsiConsole.MarkupLine(string.Create(CultureInfo.CurrentCulture,
                $"Seeded [bold]{report.Customers:N0}[/] customers, {report.Products} products and {report.Stored:N0} events in {report.ElapsedSeconds:0.0} s."));
        }
        else
        {
            AnsiConsole.MarkupLine(string.Create(CultureInfo.CurrentCulture, $"The demo workspace already holds {existing.Total:N0} profiles; serving it as it is."));
        }

        CommandRunner.PrintWelcome(app, firstRun);
        if (firstRun is null)
        {
            AnsiConsole.MarkupLine("[grey]Sign in with the login and password shown when this demo folder was first created, or delete data/demo to start afresh.[/]");
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>
    /// The demo keeps its own folder, <c>data/demo</c>, unless <c>--data</c> or <c>--postgres</c> says otherwise. It is
    /// decided while parsing the command line because the database is opened as the host is built.
    /// </summary>
    public static void UseDemoDataFolder(string verb, Dictionary<string, string?> settings)
    {
        if (verb == "demo" && !settings.ContainsKey("Storage:DataDirectory") && !settings.ContainsKey("Storage:ConnectionString"))
        {
            settings["Storage:DataDirectory"] = Path.Combine("data", "demo");
        }
    }

    private sealed class Progress(ProgressTask task) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => task.Value = value.Customers;
    }
}
