using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kizuna.Ingestion;
using Kizuna.Messaging.Guardrails;
using Kizuna.Server.Messaging;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Campaigns;

/// <summary>
/// Pause, resume and cancel once every recipient is in the outbox but most of them are not sent yet: the workspace
/// sends 10 emails a second under a fake clock, so a 30-customer campaign queued at once goes out over three seconds.
/// The campaign is still sending until the outbox has sent its last message, so it can still be stopped.
/// </summary>
public sealed class CampaignOutboxPauseTests
{
    private const int Customers = 30;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task PauseThenResume_AllQueuedMostUnsent_StopsThenSendsEveryoneExactlyOnce(string engine)
    {
        var (app, host, time, admin, id) = await LaunchAsync(engine);
        await using var _ = app;
        await using var __ = host;
        Assert.Equal("sending", await StateAsync(admin, id));

        var paused = await admin.PostAsync($"/api/campaigns/{id}/pause", null, Ct);
        await CampaignPauseCancelTests.TickAsync(host, time, 10);
        var whilePaused = (await CaughtAsync(admin)).Count;

        paused.EnsureSuccessStatusCode();
        Assert.Equal(10, whilePaused);
        (await admin.PostAsync($"/api/campaigns/{id}/resume", null, Ct)).EnsureSuccessStatusCode();
        await CampaignPauseCancelTests.TickAsync(host, time, 70);
        var recipients = (await CaughtAsync(admin)).SelectMany(m => m.RcptTo).ToList();
        Assert.Equal(Customers, recipients.Count);
        Assert.Equal(Customers, recipients.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("sent", await StateAsync(admin, id));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Cancel_AllQueuedMostUnsent_SendsNoMore(string engine)
    {
        var (app, host, time, admin, id) = await LaunchAsync(engine);
        await using var _ = app;
        await using var __ = host;

        var cancelled = await admin.PostAsync($"/api/campaigns/{id}/cancel", null, Ct);
        await CampaignPauseCancelTests.TickAsync(host, time, 70);

        cancelled.EnsureSuccessStatusCode();
        Assert.Equal(10, (await CaughtAsync(admin)).Count);
        var report = (await admin.GetFromJsonAsync<CampaignReportResponse>($"/api/campaigns/{id}/report", Ct))!;
        Assert.Equal((Customers, 10L), (report.Total.Targeted, report.Total.Sent));
        Assert.Equal("cancelled", await StateAsync(admin, id));
    }

    private static async Task<(KizunaApplication, WebApplicationFactory<Program>, FakeTimeProvider, HttpClient, long)> LaunchAsync(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var settings = host.Services.GetRequiredService<MessagingSettingsStore>();
        await settings.SaveAsync(workspace.Id, (await settings.GetAsync(workspace.Id, Ct)) with { SendRates = [new SendRate("email", 10)] }, Ct);
        var secret = (await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, ApiKeyKind.Secret, "a", [Scopes.CampaignsRead, Scopes.CampaignsWrite, Scopes.MessagesRead], Ct)).Secret;
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await host.Services.GetRequiredService<IngestionPipeline>().SubmitAsync(new IngestBatch(workspace.Id, [.. Enumerable.Range(0, Customers).Select(i => new IngestMessage
        {
            Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString(), UserId = $"p{i}",
            TraitsJson = $$"""{"email":"p{{i}}@example.com","plan":"gold"}""", Timestamp = time.GetUtcNow(), ReceivedAt = time.GetUtcNow(),
        })]), Ct);
        var segment = await CampaignsTestData.SegmentAsync(host.Services, workspace.Id, """trait.plan = "gold" """, Customers);
        var template = await CampaignsTestData.TemplateAsync(host.Services, workspace.Id, "<p>Hi</p>", "Hi");
        var created = await (await admin.PostAsJsonAsync("/api/campaigns", new CampaignRequest(
            "At once", "email", [new CampaignVariantRequest("A", template, null, 100)], new CampaignAudienceRequest([segment], []),
            new CampaignScheduleRequest("now")), Ct)).Content.ReadFromJsonAsync<CampaignResponse>(Ct);
        (await admin.PostAsync($"/api/campaigns/{created!.Id}/launch", null, Ct)).EnsureSuccessStatusCode();
        await CampaignPauseCancelTests.IdleAsync(host);
        Assert.Equal(10, (await CaughtAsync(admin)).Count);
        return (app, host, time, admin, created.Id);
    }

    private static async Task<string> StateAsync(HttpClient admin, long id) =>
        (await admin.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}", Ct))!.State;

    private static async Task<IReadOnlyList<CaughtMessageResponse>> CaughtAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages;
}
