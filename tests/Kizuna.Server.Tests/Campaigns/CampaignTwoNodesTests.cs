using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kizuna.Ingestion;
using Kizuna.Messaging.Channels.Email.Catcher;
using Kizuna.Messaging.Guardrails;
using Kizuna.Server.Messaging;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Campaigns;

/// <summary>
/// A 2,000-customer campaign sent by two nodes on one database, each delivering over SMTP on loopback to its own
/// catcher, at the workspace's 250 emails a second under a fake clock: paused, resumed and cancelled mid-send, every
/// message counted at the two catchers.
/// </summary>
public sealed class CampaignTwoNodesTests
{
    private const int Customers = 2_000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task PauseResume_TwoNodes_NothingWhilePausedThenEveryoneExactlyOnce(string engine)
    {
        var (app, nodes, time, admin, id) = await LaunchAsync(engine);
        await using var _ = app;
        await using var __ = nodes[0];
        await using var ___ = nodes[1];
        await CampaignPauseCancelTests.TickAsync(nodes[0], time, 2, nodes[1]);

        (await admin.PostAsync($"/api/campaigns/{id}/pause", null, Ct)).EnsureSuccessStatusCode();
        var atPause = Caught(nodes).Count;
        await CampaignPauseCancelTests.TickAsync(nodes[0], time, 10, nodes[1]);
        var whilePaused = Caught(nodes).Count;
        (await admin.PostAsync($"/api/campaigns/{id}/resume", null, Ct)).EnsureSuccessStatusCode();
        await CampaignPauseCancelTests.TickAsync(nodes[0], time, 75, nodes[1]);
        var recipients = Caught(nodes);

        Assert.InRange(atPause, 1, Customers - 1);
        Assert.Equal(atPause, whilePaused);
        Assert.Equal(Customers, recipients.Count);
        Assert.Equal(Customers, recipients.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("sent", (await admin.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}", Ct))!.State);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Cancel_TwoNodes_NothingAfterAndEverySentMessageCaughtOnce(string engine)
    {
        var (app, nodes, time, admin, id) = await LaunchAsync(engine);
        await using var _ = app;
        await using var __ = nodes[0];
        await using var ___ = nodes[1];
        await CampaignPauseCancelTests.TickAsync(nodes[0], time, 2, nodes[1]);

        (await admin.PostAsync($"/api/campaigns/{id}/cancel", null, Ct)).EnsureSuccessStatusCode();
        var atCancel = Caught(nodes).Count;
        await CampaignPauseCancelTests.TickAsync(nodes[0], time, 75, nodes[1]);
        var recipients = Caught(nodes);
        var report = (await admin.GetFromJsonAsync<CampaignReportResponse>($"/api/campaigns/{id}/report", Ct))!;

        Assert.InRange(atCancel, 1, Customers - 1);
        Assert.Equal(atCancel, recipients.Count);
        Assert.Equal(recipients.Count, recipients.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((Customers, (long)recipients.Count), (report.Total.Targeted, report.Total.Sent));
        Assert.Equal("cancelled", (await admin.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}", Ct))!.State);
    }

    /// <summary>Two nodes of one application (one database, one clock), and a 2,000-customer campaign launched on the first.</summary>
    private static async Task<(KizunaApplication, WebApplicationFactory<Program>[], FakeTimeProvider, HttpClient, long)> LaunchAsync(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var app = new KizunaApplication(engine, new Dictionary<string, string?>(MessagingApi.Catcher) { ["Messaging:Email:CatcherCapacity"] = "5000" });
        WebApplicationFactory<Program>[] nodes = [.. Enumerable.Range(0, 2).Select(_ => app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time))))];
        var services = nodes[0].Services;
        _ = nodes[1].Services;
        var workspace = await services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var settings = services.GetRequiredService<MessagingSettingsStore>();
        await settings.SaveAsync(workspace.Id, (await settings.GetAsync(workspace.Id, Ct)) with { SendRates = [new SendRate("email", 250)] }, Ct);
        var secret = (await services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, ApiKeyKind.Secret, "a", [Scopes.CampaignsRead, Scopes.CampaignsWrite], Ct)).Secret;
        var admin = nodes[0].CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        foreach (var chunk in Enumerable.Range(0, Customers).Chunk(500))
        {
            await services.GetRequiredService<IngestionPipeline>().SubmitAsync(new IngestBatch(workspace.Id, [.. chunk.Select(i => new IngestMessage
            {
                Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString(), UserId = $"p{i}",
                TraitsJson = $$"""{"email":"p{{i}}@example.com","plan":"gold"}""", Timestamp = time.GetUtcNow(), ReceivedAt = time.GetUtcNow(),
            })]), Ct);
        }

        var segment = await CampaignsTestData.SegmentAsync(services, workspace.Id, """trait.plan = "gold" """, Customers);
        var template = await CampaignsTestData.TemplateAsync(services, workspace.Id, "<p>Hi {{ customer.email }}</p>", "Hi");
        var created = await (await admin.PostAsJsonAsync("/api/campaigns", new CampaignRequest(
            "Two nodes", "email", [new CampaignVariantRequest("A", template, null, 100)], new CampaignAudienceRequest([segment], []),
            new CampaignScheduleRequest("now")), Ct)).Content.ReadFromJsonAsync<CampaignResponse>(Ct);
        (await admin.PostAsync($"/api/campaigns/{created!.Id}/launch", null, Ct)).EnsureSuccessStatusCode();
        await CampaignPauseCancelTests.IdleAsync(nodes[0], nodes[1]);
        return (app, nodes, time, admin, created.Id);
    }

    /// <summary>Every recipient of every message the two nodes' catchers received.</summary>
    private static List<string> Caught(WebApplicationFactory<Program>[] nodes) =>
        [.. nodes.SelectMany(n => n.Services.GetRequiredService<SmtpCatcher>().Caught.Latest(_ => true, 10_000)).SelectMany(m => m.RcptTo)];
}
