using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Spectre.Console;

namespace Kizuna.Server.Cli;

/// <summary>What the serving verbs share: starting and saying where.</summary>
public static class CommandRunner
{
    /// <summary>Starts the server; an address already taken is said plainly, with the way out, instead of as a stack trace.</summary>
    public static async Task<bool> TryStartAsync(WebApplication app)
    {
        try
        {
            await app.StartAsync();
            return true;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            AnsiConsole.MarkupLine("Stop what holds it, or choose another: [bold]--port <port>[/] or [bold]--urls <address>[/]");
            return false;
        }
    }

    /// <summary>The addresses the server listens on, the way a person types them.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)) ?? []];

    public static void PrintWelcome(WebApplication app, FirstRunResult? firstRun)
    {
        var addresses = Addresses(app);
        var url = addresses.Count > 0 ? addresses[0] : "http://localhost:5000";
        AnsiConsole.MarkupLine($"[bold]Kizuna[/] is running at [link]{url}[/]");
        AnsiConsole.MarkupLine($"  dashboard      [link]{url}/[/]");
        AnsiConsole.MarkupLine($"  API reference  [link]{url}/scalar[/]");
        AnsiConsole.MarkupLine($"  health         [link]{url}/health[/]");
        if (firstRun is not null)
        {
            PrintFirstRun(firstRun);
            AnsiConsole.MarkupLine("[grey]Keys and password are shown this once; only their hashes are stored.[/]");
        }
    }

    /// <summary>The table of what the first run created.</summary>
    public static void PrintFirstRun(FirstRunResult firstRun)
    {
        var table = new Table().AddColumns("First run", "");
        table.AddRow("Workspace", Markup.Escape(firstRun.Workspace.Name));
        table.AddRow("Login", Markup.Escape(firstRun.AdminEmail));
        table.AddRow("Password", Markup.Escape(firstRun.AdminPassword));
        table.AddRow("Write key (ingestion)", Markup.Escape(firstRun.WriteKey));
        table.AddRow("Secret key (admin API)", Markup.Escape(firstRun.SecretKey));
        AnsiConsole.Write(table);
    }
}
