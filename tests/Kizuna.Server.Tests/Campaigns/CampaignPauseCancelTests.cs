using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kizuna.Ingestion;
using Kizuna.Server.Messaging;
using Kizuna.Work.Jobs;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Campaigns;

/// <summary>
/// Pause, resume and cancel in the middle of a send paced at 10 messages a second under a fake clock: each second of
/// the clock queues one chunk, so the tests stop the campaign with exactly one chunk out.
/// </summary>
public sealed class CampaignPauseCancelTests
{
    private const int Customers = 30;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task PauseThenResume_MidSend_SendsEveryoneExactlyOnce(string engine)
    {
        var (app, host, time, admin, id) = await LaunchAsync(engine);
        await using var _ = app;
        await using var __ = host;
        Assert.Equal(10, (await CaughtAsync(admin)).Count);

        (await admin.PostAsync($"/api/campaigns/{id}/pause", null, Ct)).EnsureSuccessStatusCode();
        await TickAsync(host, time, 5);
        Assert.Equal(10, (await CaughtAsync(admin)).Count);
        Assert.Equal("paused", (await admin.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}", Ct))!.State);

        (await admin.PostAsync($"/api/campaigns/{id}/resume", null, Ct)).EnsureSuccessStatusCode();
        await TickAsync(host, time, 5);
        var recipients = (await CaughtAsync(admin)).SelectMany(m => m.RcptTo).ToList();
        Assert.Equal(Customers, recipients.Count);
        Assert.Equal(Customers, recipients.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("sent", (await admin.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}", Ct))!.State);
        Assert.Equal(Customers, (await admin.GetFromJsonAsync<CampaignReportResponse>($"/api/campaigns/{id}/report", Ct))!.Total.Sent);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Cancel_MidSend_SendsNoMoreAndTheReportKeepsItsDenominator(string engine)
    {
        var (app, host, time, admin, id) = await LaunchAsync(engine);
        await using var _ = app;
        await using var __ = host;

        var cancelled = await admin.PostAsync($"/api/campaigns/{id}/cancel", null, Ct);
        await TickAsync(host, time, 5);

        cancelled.EnsureSuccessStatusCode();
        Assert.Equal(10, (await CaughtAsync(admin)).Count);
        var report = (await admin.GetFromJsonAsync<CampaignReportResponse>($"/api/campaigns/{id}/report", Ct))!;
        Assert.Equal((Customers, 10L), (report.Total.Targeted, report.Total.Sent));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await admin.PostAsync($"/api/campaigns/{id}/resume", null, Ct)).StatusCode);
    }

    private static async Task<(KizunaApplication, WebApplicationFactory<Program>, FakeTimeProvider, HttpClient, long)> LaunchAsync(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var secret = (await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, ApiKeyKind.Secret, "a", [Scopes.CampaignsRead, Scopes.CampaignsWrite, Scopes.MessagesRead], Ct)).Secret;
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
        await pipeline.SubmitAsync(new IngestBatch(workspace.Id, [.. Enumerable.Range(0, Customers).Select(i => new IngestMessage
        {
            Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString(), UserId = $"p{i}",
            TraitsJson = $$"""{"email":"p{{i}}@example.com","plan":"gold"}""", Timestamp = time.GetUtcNow(), ReceivedAt = time.GetUtcNow(),
        })]), Ct);
        var segment = await CampaignsTestData.SegmentAsync(host.Services, workspace.Id, """trait.plan = "gold" """, Customers);
        var template = await CampaignsTestData.TemplateAsync(host.Services, workspace.Id, "<p>Hi</p>", "Hi");
        var created = await (await admin.PostAsJsonAsync("/api/campaigns", new CampaignRequest(
            "Paced", "email", [new CampaignVariantRequest("A", template, null, 100)], new CampaignAudienceRequest([segment], []),
            new CampaignScheduleRequest("now"), SendRatePerSecond: 10), Ct)).Content.ReadFromJsonAsync<CampaignResponse>(Ct);
        (await admin.PostAsync($"/api/campaigns/{created!.Id}/launch", null, Ct)).EnsureSuccessStatusCode();
        await IdleAsync(host);
        return (app, host, time, admin, created.Id);
    }

    /// <summary>Moves the clock a second at a time, letting the nodes' work of each second finish first.</summary>
    internal static async Task TickAsync(WebApplicationFactory<Program> host, FakeTimeProvider time, int seconds, params WebApplicationFactory<Program>[] others)
    {
        for (var i = 0; i < seconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await IdleAsync(host, others);
        }
    }

    /// <summary>
    /// Waits until no campaign step or email is due or running on any of the nodes (one database). A worker that started its wait just after the clock
    /// moved waits a whole poll interval of the fake clock, so the jobs come due are signalled as a poll would find them.
    /// </summary>
    internal static async Task IdleAsync(WebApplicationFactory<Program> host, params WebApplicationFactory<Program>[] others)
    {
        var jobs = host.Services.GetRequiredService<JobQueue>();
        var signals = others.Prepend(host).Select(h => h.Services.GetRequiredService<JobSignal>()).ToList();
        for (var tries = 0; tries < 1500; tries++)
        {
            var queues = (await jobs.StatsAsync(Ct)).Where(q => q.Queue is "campaigns" or "email" && q.Due + q.Running > 0).ToList();
            if (queues.Count == 0)
            {
                return;
            }

            queues.ForEach(q => signals.ForEach(s => s.Notify(q.Queue)));
            await Task.Delay(20, Ct);
        }

        Assert.Fail("The campaign's work did not finish.");
    }

    private static async Task<IReadOnlyList<CaughtMessageResponse>> CaughtAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages;
}
