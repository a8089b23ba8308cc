using Kizuna.Campaigns;
using Kizuna.Campaigns.Reports;
using Kizuna.Messaging;
using Kizuna.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Browser;

/// <summary>What the campaign page tests set up: segments computed as the list shows them, campaigns sent and waited for.</summary>
internal static class CampaignPages
{
    /// <summary>A segment whose first full computation has finished, so its members are an audience.</summary>
    public static async Task<long> SegmentAsync(this DashboardServer server, long workspaceId, string name, string text)
    {
        var segments = server.Services.GetRequiredService<SegmentService>();
        var saved = await segments.CreateAsync(workspaceId, new SegmentDraft(name, null, null, text), "user:test", CancellationToken.None);
        var id = saved.Segment?.Id ?? throw new InvalidOperationException(string.Join("; ", saved.Problems ?? []));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await segments.FindAsync(workspaceId, id, timeout.Token) is not { ComputedAt: not null })
        {
            await Task.Delay(100, timeout.Token);
        }

        return id;
    }

    /// <summary>An email campaign to a segment (one variant, or even splits of the template), sent now, as the API would create and launch it.</summary>
    public static async Task<long> LaunchAsync(this DashboardServer server, long workspaceId, string name, long segmentId, long templateId, int variants = 1, AbTest? test = null)
    {
        var campaigns = server.Services.GetRequiredService<CampaignService>();
        var definition = new CampaignDefinition(
            MessageChannel.Email, [.. Enumerable.Range(0, variants).Select(i => new CampaignVariant(((char)('A' + i)).ToString(), templateId, null, (100 / variants) + (i == 0 ? 100 % variants : 0)))],
            new CampaignAudience([segmentId], []), new CampaignSchedule(ScheduleKind.Now),
            Goal: new ConversionGoal(["Order Completed"], null, TimeSpan.FromDays(3)), Test: test);
        var created = await campaigns.CreateAsync(workspaceId, new CampaignDraft(name, definition), "user:test", CancellationToken.None);
        var id = created.Campaign?.Id ?? throw new InvalidOperationException(created.Error);
        var launched = await campaigns.LaunchAsync(workspaceId, id, CancellationToken.None);
        return launched.Status == CampaignResultStatus.Done ? id : throw new InvalidOperationException(launched.Error);
    }

    /// <summary>Waits (a minute at most) until the campaign is in <paramref name="state"/>.</summary>
    public static async Task WaitForStateAsync(this DashboardServer server, long workspaceId, long id, CampaignState state)
    {
        var campaigns = server.Services.GetRequiredService<CampaignService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await campaigns.FindAsync(workspaceId, id, timeout.Token) is not { } c || c.State != state)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Waits (a minute at most) until an A/B test's group is sent and the rest of the audience waits for the winner.</summary>
    public static async Task WaitForTestGroupAsync(this DashboardServer server, long workspaceId, long id)
    {
        var reader = server.Services.GetRequiredService<ReportReader>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await reader.RecipientsAsync(workspaceId, id, timeout.Token) is not { Count: > 0 } recipients
            || !recipients.All(r => r.Status == "held" || r.State == "sent") || !recipients.Any(r => r.Status == "held"))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Waits (a minute at most) until the report holds what <paramref name="done"/> asks of it.</summary>
    public static async Task<CampaignReport> WaitForReportAsync(this DashboardServer server, long workspaceId, long id, Func<CampaignReport, bool> done, TimeSpan? within = null)
    {
        var campaigns = server.Services.GetRequiredService<CampaignService>();
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await campaigns.ReportAsync(workspaceId, id, timeout.Token) is { } report && done(report))
            {
                return report;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
