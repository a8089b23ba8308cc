using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Server.Messaging;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Server.Journeys;

/// <summary>What the journey tests do around a journey: clients, customers, events, and waiting for the engine's work to commit.</summary>
internal static class JourneysTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Clients of <paramref name="host"/> only (the application it was made from would start a second server on the same store).</summary>
    public static async Task<(HttpClient Admin, HttpClient Site, long WorkspaceId)> ClientsAsync(WebApplicationFactory<Program> host)
    {
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var keys = host.Services.GetRequiredService<ApiKeyService>();
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "a",
            [Scopes.JourneysRead, Scopes.JourneysWrite, Scopes.MessagesRead, Scopes.ProfilesRead, Scopes.TemplatesRead, Scopes.TemplatesWrite], Ct)).Secret);
        var site = host.CreateClient();
        site.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes((await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "w", [], Ct)).Secret + ":")));
        return (admin, site, workspace.Id);
    }

    public static async Task IdentifyAsync(HttpClient site, string user, object traits) =>
        (await site.PostAsJsonAsync("/v1/identify", new { userId = user, traits }, Ct)).EnsureSuccessStatusCode();

    public static async Task TrackAsync(HttpClient site, string user, string name, object properties) =>
        (await site.PostAsJsonAsync("/v1/track", new { userId = user, @event = name, properties }, Ct)).EnsureSuccessStatusCode();

    public static async Task<long> ProfileIdAsync(HttpClient admin, string user) =>
        (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/profiles/by-user/{user}", Ct))!["id"]!.GetValue<long>();

    /// <summary>Waits (about 30 s at most) until <paramref name="check"/> holds for the customer's entries into the journey, and answers them.</summary>
    public static Task<IReadOnlyList<JourneyEntryResponse>> WaitForEntriesAsync(
        HttpClient admin, long profileId, long journeyId, Func<IReadOnlyList<JourneyEntryResponse>, bool> check, string what) =>
        WaitForEntriesAsync(null, admin, profileId, journeyId, check, what);

    /// <summary>
    /// Waits for the customer's entries to pass <paramref name="check"/>, waking the change consumers of
    /// <paramref name="services"/> now and then: under a frozen clock their poll never fires, so a change that was below
    /// another transaction's horizon when they read (PostgreSQL) would wait for the next commit.
    /// </summary>
    public static async Task<IReadOnlyList<JourneyEntryResponse>> WaitForEntriesAsync(
        IServiceProvider? services, HttpClient admin, long profileId, long journeyId, Func<IReadOnlyList<JourneyEntryResponse>, bool> check, string what)
    {
        for (var tries = 0; ; tries++)
        {
            if (services is not null && tries % 10 == 9)
            {
                services.GetRequiredService<Kizuna.Work.Changes.ChangeSignal>().Wake();
            }

            var entries = (await admin.GetFromJsonAsync<List<JourneyEntryResponse>>($"/api/profiles/{profileId}/journeys", Ct))!
                .Where(e => e.JourneyId == journeyId).ToList();
            if (check(entries))
            {
                return entries;
            }

            Assert.True(tries < 1500, $"{what}: {string.Join("; ", entries.Select(e => $"{e.State} at {e.Node}: {string.Join(", ", e.Path.Select(s => $"{s.Node}:{s.Outcome}"))}"))}");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>Waits until the catcher holds at least <paramref name="count"/> messages, and answers them.</summary>
    public static async Task<IReadOnlyList<CaughtMessageResponse>> WaitForCaughtAsync(HttpClient admin, int count)
    {
        for (var tries = 0; ; tries++)
        {
            var caught = (await admin.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages;
            if (caught.Count >= count)
            {
                return caught;
            }

            Assert.True(tries < 1500, $"{caught.Count} of {count} messages caught");
            await Task.Delay(20, Ct);
        }
    }

    public static async Task<long> TemplateAsync(IServiceProvider services, long workspaceId, string body) =>
        (await services.GetRequiredService<Kizuna.Templates.Store.TemplateLibrary>().CreateAsync(
            workspaceId, Kizuna.Templates.Store.TemplateKind.Template, $"t{Guid.NewGuid():N}"[..16], new Kizuna.Templates.Store.TemplateDraft(body, "Hello"), "test", Ct)).Template!.Id;

    /// <summary>Creates and launches a journey, answering it.</summary>
    public static async Task<JourneyResponse> LaunchAsync(HttpClient admin, object definition)
    {
        var created = await admin.PostAsJsonAsync("/api/journeys", new { name = "Journey", definition }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var journey = (await created.Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;
        (await admin.PostAsync($"/api/journeys/{journey.Id}/launch", null, Ct)).EnsureSuccessStatusCode();
        return journey;
    }

    /// <summary>Waits until the journeys consumer has handled every committed change and no journey timer is due: what the engine will do now, it has done.</summary>
    public static async Task SettleAsync(IServiceProvider services)
    {
        var feed = services.GetRequiredService<Kizuna.Work.Changes.ChangeFeed>();
        var queue = services.GetRequiredService<Kizuna.Work.Jobs.JobQueue>();
        for (var tries = 0; ; tries++)
        {
            var behind = (await feed.LagAsync(Ct)).Where(l => l.Consumer == "journeys").Sum(l => l.Behind);
            var due = (await queue.StatsAsync(Ct)).Where(q => q.Queue == "journeys").Sum(q => q.Due + q.Running);
            if (behind == 0 && due == 0)
            {
                return;
            }

            Assert.True(tries < 1500, $"journeys: {behind} changes behind, {due} timers due");
            if (behind > 0 && tries % 10 == 9)
            {
                // The consumer polls on the test's frozen clock, so a read that found a change not yet visible (on
                // PostgreSQL, below another transaction's horizon) is retried only when something wakes it.
                services.GetRequiredService<Kizuna.Work.Changes.ChangeSignal>().Wake();
            }

            await Task.Delay(20, Ct);
        }
    }

    public static string Path(JourneyEntryResponse entry) => string.Join(", ", entry.Path.Select(s => $"{s.Node}:{s.Outcome}"));
}
