using Kizuna.Server.Messaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Journeys;

/// <summary>
/// What every journey engine test starts from: a server on the engine's store under a fake clock at a given time, a
/// workspace of its own, and its admin and site (write key) clients; disposed in the opposite order.
/// </summary>
internal sealed class JourneyHost : IAsyncDisposable
{
    private readonly KizunaApplication _app;

    private JourneyHost(KizunaApplication app, WebApplicationFactory<Program> host, FakeTimeProvider time, HttpClient admin, HttpClient site, long workspaceId)
    {
        _app = app;
        Host = host;
        Time = time;
        Admin = admin;
        Site = site;
        WorkspaceId = workspaceId;
    }

    public FakeTimeProvider Time { get; }

    public WebApplicationFactory<Program> Host { get; }

    public HttpClient Admin { get; }

    public HttpClient Site { get; }

    public long WorkspaceId { get; }

    /// <summary>Starts the server at <paramref name="start"/> on the fake clock, with <paramref name="settings"/> (default: the messaging catcher's).</summary>
    public static async Task<JourneyHost> StartAsync(string engine, DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(start);
        var app = new KizunaApplication(engine, settings ?? MessagingApi.Catcher);
        var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var (admin, site, workspaceId) = await JourneysTestData.ClientsAsync(host);
        return new JourneyHost(app, host, time, admin, site, workspaceId);
    }

    public void Deconstruct(out FakeTimeProvider time, out WebApplicationFactory<Program> host, out HttpClient admin, out HttpClient site, out long workspaceId) =>
        (time, host, admin, site, workspaceId) = (Time, Host, Admin, Site, WorkspaceId);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Site.Dispose();
        await Host.DisposeAsync();
        await _app.DisposeAsync();
    }
}
