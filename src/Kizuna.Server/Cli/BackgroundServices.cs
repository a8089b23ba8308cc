namespace Kizuna.Server.Cli;

/// <summary>
/// Starts the application's hosted services (migrations, the ingestion writer, …) without the web server, for
/// verbs that work on the data and exit: they must not take a port a running <c>serve</c> holds.
/// </summary>
internal sealed class BackgroundServices(IReadOnlyList<IHostedService> services) : IAsyncDisposable
{
    public static async Task<BackgroundServices> StartAsync(WebApplication app, CancellationToken ct)
    {
        // The web host is itself a hosted service: starting it would open the port.
        var services = app.Services.GetServices<IHostedService>()
            .Where(s => s.GetType().FullName != "Microsoft.AspNetCore.Hosting.GenericWebHostService")
            .ToList();
        foreach (var service in services)
        {
            await service.StartAsync(ct);
        }

        return new BackgroundServices(services);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            await services[i].StopAsync(CancellationToken.None);
        }
    }
}
