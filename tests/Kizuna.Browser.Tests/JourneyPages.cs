using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Journeys;
using Kizuna.Journeys.Library;
using Kizuna.Journeys.Storage;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Browser;

/// <summary>What the journey page tests set up: ready-made journeys started and launched, customers sent through the HTTP ingestion API, the engine waited for.</summary>
internal static class JourneyPages
{
    /// <summary>A draft from a ready-made journey (its templates created), launched when asked.</summary>
    public static async Task<Journey> ReadyJourneyAsync(this DashboardServer server, long workspaceId, string key, string name, bool launch)
    {
        var started = await server.Services.GetRequiredService<JourneyLibrary>().StartAsync(workspaceId, key, name, "user:test", CancellationToken.None);
        var journey = started?.Journey ?? throw new InvalidOperationException(string.Join("; ", started?.Errors ?? []));
        if (launch)
        {
            journey = (await server.Services.GetRequiredService<JourneyService>().LaunchAsync(workspaceId, journey.Id, CancellationToken.None)).Journey!;
        }

        return journey;
    }

    /// <summary>A client of the ingestion API with a new write key of the workspace, as a shop's site sends events.</summary>
    public static async Task<HttpClient> SiteAsync(this DashboardServer server, long workspaceId)
    {
        var key = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(workspaceId, ApiKeyKind.Write, "site", [], CancellationToken.None);
        var site = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        site.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Secret + ":")));
        return site;
    }

    public static async Task IdentifyAsync(this HttpClient site, string userId, object traits) =>
        (await site.PostAsJsonAsync("/v1/identify", new { userId, traits })).EnsureSuccessStatusCode();

    public static async Task TrackAsync(this HttpClient site, string userId, string name, object properties) =>
        (await site.PostAsJsonAsync("/v1/track", new { userId, @event = name, properties })).EnsureSuccessStatusCode();

    /// <summary>Waits (a minute at most) until the journey's entries hold what <paramref name="done"/> asks of them.</summary>
    public static async Task<JourneyTotals> WaitForTotalsAsync(this DashboardServer server, long workspaceId, long journeyId, Func<JourneyTotals, bool> done)
    {
        var entries = server.Services.GetRequiredService<EntryStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var totals = (await entries.TotalsAsync(workspaceId, timeout.Token)).GetValueOrDefault(journeyId) ?? JourneyTotals.None(journeyId);
            if (done(totals))
            {
                return totals;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
