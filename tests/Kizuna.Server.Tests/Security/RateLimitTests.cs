using System.Net;
using System.Net.Http.Json;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Security;

public sealed class RateLimitTests
{
    private static readonly Uri Profiles = new("/api/profiles", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminApi_OverThePerKeyLimit_Answers429WithRetryAfterUntilTheWindowEnds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:ApiPermits", "3")
            .ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var keys = host.Services.GetRequiredService<ApiKeyService>();
        var busy = Client(host, (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "busy", [Scopes.ProfilesRead], Ct)).Secret);
        var other = Client(host, (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "other", [Scopes.ProfilesRead], Ct)).Secret);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await busy.GetAsync(Profiles, Ct)).StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(20));
        var over = await busy.GetAsync(Profiles, Ct);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), over.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Profiles, Ct)).StatusCode);
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(Profiles, Ct)).StatusCode);
    }

    [Fact]
    public async Task Ingestion_OverThePerWriteKeyLimit_Answers429AndOtherKeysGoOn()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:IngestionPermits", "2")
            .ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var keys = host.Services.GetRequiredService<ApiKeyService>();
        var busy = WriteClient(host, (await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "busy", [], Ct)).Secret);
        var other = WriteClient(host, (await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "other", [], Ct)).Secret);
        var message = new { userId = "u-1", @event = "Viewed", timestamp = "2026-03-01T08:59:00Z" };

        var first = await busy.PostAsJsonAsync("/v1/track", message, Ct);
        var second = await busy.PostAsJsonAsync("/v1/track", message, Ct);
        var third = await busy.PostAsJsonAsync("/v1/track", message, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/v1/track", message, Ct)).StatusCode);
    }

    [Fact]
    public async Task SignInForm_OverThePerAddressLimit_Answers429()
    {
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPermits", "2"));
        var browser = DashboardForms.Browser(host);

        var first = await DashboardForms.SignInAsync(browser, "admin@kizuna.local", "wrong-one-1");
        var second = await DashboardForms.SignInAsync(browser, "admin@kizuna.local", "wrong-one-2");
        var third = await DashboardForms.SignInAsync(browser, "admin@kizuna.local", KizunaApplication.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("id=\"throttled\"", await third.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientApi_OverThePerAddressLimit_Answers429WhileTheAdminApiGoesOn()
    {
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:ClientPermits", "2"));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var keys = host.Services.GetRequiredService<ApiKeyService>();
        var admin = Client(host, (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "admin", [Scopes.ProfilesRead], Ct)).Secret);
        var visitor = host.CreateClient();
        var cards = new Uri("/client/v1/cards", UriKind.Relative);

        var first = await visitor.GetAsync(cards, Ct);
        var second = await visitor.GetAsync(cards, Ct);
        var third = await visitor.GetAsync(cards, Ct);

        // Refused credentials still count: guessing user hashes is what the budget is for.
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Profiles, Ct)).StatusCode);
    }

    private static HttpClient Client(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string secret)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    private static HttpClient WriteClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string writeKey)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(writeKey + ":")));
        return client;
    }
}
