using Kizuna.Campaigns;
using Kizuna.Campaigns.Reports;
using Kizuna.Campaigns.Storage;
using Kizuna.Demo;
using Kizuna.Server.Messaging;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Server.Demo;

/// <summary>The demo's past campaigns: sent through the outbox on the demo clock, answered through ingestion, reported like any campaign.</summary>
public sealed class DemoCampaignHistoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_DemoShop_SendsANewsletterAnAbTestAndALocalTimeSendWithResults()
    {
        var clock = new DemoClock(TimeProvider.System);
        await using var app = new KizunaApplication("sqlite", MessagingApi.Catcher);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Demo", Ct);
        await host.Services.GetRequiredService<DemoDataGenerator>().SeedAsync(workspace.Id, new DemoOptions(300), null, Ct);

        var ids = await host.Services.GetRequiredService<DemoCampaignHistory>().SeedAsync(workspace.Id, 300, Ct);

        var campaigns = host.Services.GetRequiredService<CampaignService>();
        Assert.Equal(3, ids.Count);
        var reports = new List<CampaignReport>();
        foreach (var id in ids)
        {
            Assert.Equal(CampaignState.Sent, (await campaigns.FindAsync(workspace.Id, id, Ct))!.State);
            var report = (await campaigns.ReportAsync(workspace.Id, id, Ct))!;
            Assert.True(report.Total.Sent > 0 && report.Total.UniqueOpens > 0, $"campaign {id}");
            reports.Add(report);
        }

        Assert.True(reports.Sum(r => r.Total.UniqueClicks) > 0 && reports.Sum(r => r.Total.Conversions) > 0);
        Assert.All(reports.SelectMany(r => r.Total.Revenue), r => Assert.Equal("JPY", r.Currency));

        // The A/B test's winner was picked on click rate after its window and went to the customers held back.
        var test = (await campaigns.FindAsync(workspace.Id, ids[1], Ct))!;
        Assert.Equal((1, "Personal"), (test.Winner, reports[1].Winner));
        Assert.True(reports[1].Variants[1].Metrics.Sent > reports[1].Variants[0].Metrics.Sent);
        Assert.True(reports[1].Control.Size > 0);
        Assert.NotNull(reports[1].Uplift);
        Assert.Single(reports[1].Comparisons);

        // The local-time send reached every customer at 10:00 in their own zone, weeks before the real time.
        var recipients = await host.Services.GetRequiredService<ReportReader>().RecipientsAsync(workspace.Id, ids[2], Ct);
        var sent = recipients.Where(r => r.SentAt is not null).ToList();
        var zones = await host.Services.GetRequiredService<AudienceReader>().ZonesAsync(workspace.Id, [.. sent.Select(r => r.ProfileId)], Ct);
        Assert.Equal(3, zones.Values.Select(z => z!.Id).Distinct().Count());
        Assert.All(sent, r => Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(
            Math.Floor(TimeZoneInfo.ConvertTime(Epoch.FromMs(r.SentAt!.Value), zones[r.ProfileId]!).TimeOfDay.TotalMinutes)))));
        Assert.True(Epoch.FromMs(sent.Max(r => r.SentAt!.Value)) < TimeProvider.System.GetUtcNow().AddDays(-5));

        // Afterwards the clock follows the system's again.
        Assert.True((clock.GetUtcNow() - TimeProvider.System.GetUtcNow()).Duration() < TimeSpan.FromMinutes(1));
    }
}
