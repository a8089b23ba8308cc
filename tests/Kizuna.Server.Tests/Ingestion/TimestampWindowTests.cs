using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Profiles;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Ingestion;

/// <summary>A client with a broken clock cannot move a profile into the far future, where later events would never catch up.</summary>
public sealed class TimestampWindowTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Track_AbsurdClocks_StayAtTheArrivalTimeAndLaterEventsStillCount(string engine)
    {
        var time = new FakeTimeProvider(Now);
        await using var app = new KizunaApplication(engine);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var writeKey = (await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, ApiKeyKind.Write, "Site", [], Ct)).Secret;
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));

        var skewed = await client.PostAsJsonAsync("/v1/track", new { userId = "clock-1", @event = "Opened", timestamp = "2024-06-01T09:59:00Z", sentAt = "0001-01-01T00:00:00Z" }, Ct);
        var farFuture = await client.PostAsJsonAsync("/v1/track", new { userId = "clock-1", @event = "Opened", timestamp = "9999-12-31T00:00:00Z" }, Ct);
        time.Advance(TimeSpan.FromMinutes(31));
        var later = await client.PostAsJsonAsync("/v1/track", new { userId = "clock-1", @event = "Opened" }, Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [skewed.StatusCode, farFuture.StatusCode, later.StatusCode]);
        var profiles = host.Services.GetRequiredService<ProfileService>();
        var profile = (await profiles.FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "clock-1"), Ct))!.Profile;
        Assert.Equal((Now.AddMinutes(31), 2L), (profile.Aggregates.LastSeen, profile.Aggregates.Sessions));
        var timeline = await profiles.TimelineAsync(workspace.Id, profile.Id, null, 10, Ct);
        Assert.Equal([Now.AddMinutes(31), Now, Now], timeline.Select(e => e.Timestamp));
        Assert.Contains("9999-12-31T00:00:00", timeline[1].Context?.ToJsonString() ?? "", StringComparison.Ordinal);
    }
}
