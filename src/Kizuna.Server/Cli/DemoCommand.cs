using System.CommandLine;
using System.Globalization;
using Kizuna.Demo;
using Kizuna.Profiles;
using Kizuna.Server.Messaging.InApp;
using Kizuna.Workspaces;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>
/// <c>kizuna demo [--customers N]</c>: a workspace full of realistic demo data, served at once. The demo keeps its
/// own data folder (<c>data/demo</c>) unless <c>--data</c> or <c>--postgres</c> says otherwise, so it never mixes
/// with real data; a second run just serves it.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna demo", "A demo shop with 3,000 customers in ./data/demo, served at http://localhost:5000"),
        new("kizuna demo --customers 500 --port 5080", "A smaller shop on another port"),
        new("kizuna demo --data /tmp/kizuna-demo", "The demo in a folder of your choice"),
    ];

    public Command Create(CliContext cli)
    {
        var customers = NumberOption.Create("--customers", "count", 1, 1_000_000, "How many customers to create on a new demo database");
        customers.DefaultValueFactory = _ => 3_000;
        var command = new Command("demo", "Create a demo workspace with a year of realistic data (once), then serve it") { customers };
        cli.AddServerOptions(command);
        CliContext.SetAction(command, (app, result, _) => RunAsync(app, result.GetValue(customers) ?? 3_000), Path.Combine("data", "demo"));
        return command;
    }

    private static async Task<int> RunAsync(WebApplication app, int customers)
    {
        if (!await CommandRunner.TryStartAsync(app))
        {
            return ExitCodes.Failure;
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
            await SendCampaignsAsync(app, workspace.Id, customers, ct);
            await StartJourneysAsync(app, workspace.Id, customers, ct);
        }
        else
        {
            AnsiConsole.MarkupLine(string.Create(CultureInfo.CurrentCulture, $"The demo workspace already holds {existing.Total:N0} profiles; serving it as it is."));
        }

        var site = await app.Services.GetRequiredService<DemoMessages>().EnsureAsync(workspace.Id, ct);
        app.Services.GetRequiredService<DemoSite>().Access = site;

        CommandRunner.PrintWelcome(app, firstRun);
        var shopPage = (CommandRunner.Addresses(app) is [var first, ..] ? first : "http://localhost:5000") + "/demo/site";
        AnsiConsole.MarkupLine($"  demo shop page [link]{shopPage}[/] (the demo customer's in-app message and content cards)");
        if (firstRun is null)
        {
            AnsiConsole.MarkupLine("[grey]Sign in with the login and password shown when this demo folder was first created, or delete data/demo to start afresh.[/]");
        }

        await app.WaitForShutdownAsync();
        return ExitCodes.Ok;
    }

    /// <summary>The demo's past campaigns, sent and answered on the demo clock, so their reports are there on the first visit.</summary>
    private static async Task SendCampaignsAsync(WebApplication app, long workspaceId, int customers, CancellationToken ct)
    {
        var time = app.Services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        try
        {
            var sent = await AnsiConsole.Status().StartAsync("Sending the demo campaigns", _ =>
                app.Services.GetRequiredService<DemoCampaignHistory>().SeedAsync(workspaceId, customers, ct));
            AnsiConsole.MarkupLine(string.Create(CultureInfo.CurrentCulture,
                $"Sent {sent.Count} demo campaigns and their customers' answers in {time.GetElapsedTime(started).TotalSeconds:0.0} s."));
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine($"[yellow]The demo campaigns were not all sent:[/] {Markup.Escape(e.Message)}");
        }
        finally
        {
            (time as DemoClock)?.Reset();
        }
    }

    /// <summary>The demo's live journeys, fed the last days' sign-ups, checkouts and orders on the demo clock, so entries are at every node.</summary>
    private static async Task StartJourneysAsync(WebApplication app, long workspaceId, int customers, CancellationToken ct)
    {
        var time = app.Services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        try
        {
            var ids = await AnsiConsole.Status().StartAsync("Running the demo journeys", _ =>
                app.Services.GetRequiredService<DemoJourneys>().SeedAsync(workspaceId, customers, ct));
            AnsiConsole.MarkupLine(string.Create(CultureInfo.CurrentCulture,
                $"Started {ids.Count} demo journeys with {DemoJourneys.Days} days of their customers' events in {time.GetElapsedTime(started).TotalSeconds:0.0} s."));
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine($"[yellow]The demo journeys did not all run:[/] {Markup.Escape(e.Message)}");
        }
    }

    private sealed class Progress(ProgressTask task) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => task.Value = value.Customers;
    }
}
