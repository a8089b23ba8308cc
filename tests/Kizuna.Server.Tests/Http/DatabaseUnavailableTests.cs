using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kizuna.Server.Http;

/// <summary>
/// With the database gone for longer than checked keys are cached (30 seconds), the tracking and admin APIs answer
/// 503 with Retry-After, as documented, so clients retry instead of dropping their data on a 500.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SqliteFileGone_BothApisAnswer503WithRetryAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.UseEnvironment("Production").ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var (tracking, admin) = await ClientsAsync(host);
        var away = app.DataFolder + "-away";

        Directory.Move(app.DataFolder, away);
        try
        {
            SqliteConnection.ClearAllPools();
            await AssertBothAnswer503Async(time, tracking, admin);
        }
        finally
        {
            Directory.Move(away, app.DataFolder);
        }
    }

    [Fact]
    public async Task PostgresRefusingConnections_BothApisAnswer503WithRetryAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new KizunaApplication("postgres");
        var database = new NpgsqlConnectionStringBuilder(app.PostgresConnectionString);
        await using var forwarder = new TcpForwarder(database.Host!, database.Port);
        (database.Host, database.Port) = ("127.0.0.1", forwarder.Port);
        await using var host = app.WithWebHostBuilder(b => b.UseEnvironment("Production")
            .UseSetting("Storage:ConnectionString", database.ConnectionString)
            .ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var (tracking, admin) = await ClientsAsync(host);

        forwarder.Close();

        await AssertBothAnswer503Async(time, tracking, admin);
    }

    private static async Task<(HttpClient Tracking, HttpClient Admin)> ClientsAsync(WebApplicationFactory<Program> host)
    {
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var keys = host.Services.GetRequiredService<ApiKeyService>();
        var tracking = host.CreateClient();
        tracking.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes((await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "Site", [], Ct)).Secret + ":")));
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "Admin", [Scopes.ProfilesRead], Ct)).Secret);
        Assert.Equal(HttpStatusCode.OK, (await tracking.PostAsJsonAsync("/v1/track", new { userId = "db-1", @event = "Viewed" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/profiles", UriKind.Relative), Ct)).StatusCode);
        return (tracking, admin);
    }

    private static async Task AssertBothAnswer503Async(FakeTimeProvider time, HttpClient tracking, HttpClient admin)
    {
        time.Advance(TimeSpan.FromSeconds(31));

        var track = await tracking.PostAsJsonAsync("/v1/track", new { userId = "db-1", @event = "Viewed" }, Ct);
        var profiles = await admin.GetAsync(new Uri("/api/profiles", UriKind.Relative), Ct);

        foreach (var response in new[] { track, profiles })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }
}
