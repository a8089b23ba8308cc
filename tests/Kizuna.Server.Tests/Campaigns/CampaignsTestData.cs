using System.Net.Http.Json;
using Kizuna.Segments;
using Kizuna.Server.Messaging;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Server.Campaigns;

/// <summary>What the campaign tests do around a campaign: customers, a segment of them, a template, and waiting for states.</summary>
internal static class CampaignsTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<long> SegmentAsync(IServiceProvider services, long workspaceId, string text, int expectedMembers)
    {
        var saved = await services.GetRequiredService<SegmentService>().CreateAsync(workspaceId, new SegmentDraft($"s{Guid.NewGuid():N}"[..16], null, null, text), "test", Ct);
        var id = saved.Segment!.Id;
        for (var tries = 0; ; tries++)
        {
            var segment = await services.GetRequiredService<SegmentService>().FindAsync(workspaceId, id, Ct);
            if (segment!.ComputedAt is not null && segment.MemberCount == expectedMembers || tries == 1500)
            {
                Assert.Equal(expectedMembers, segment.MemberCount);
                return id;
            }

            await Task.Delay(20, Ct);
        }
    }

    public static async Task<long> TemplateAsync(IServiceProvider services, long workspaceId, string body, string subject) =>
        (await services.GetRequiredService<TemplateLibrary>().CreateAsync(workspaceId, TemplateKind.Template, $"t{Guid.NewGuid():N}"[..16], new TemplateDraft(body, subject), "test", Ct)).Template!.Id;

    /// <summary>Waits (about 30 s at most) until the campaign reaches <paramref name="state"/>.</summary>
    public static async Task<CampaignResponse> WaitForStateAsync(HttpClient client, long id, string state)
    {
        for (var tries = 0; ; tries++)
        {
            var campaign = (await client.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}", Ct))!;
            if (campaign.State == state || tries == 1500)
            {
                Assert.Equal(state, campaign.State);
                return campaign;
            }

            await Task.Delay(20, Ct);
        }
    }

    /// <summary>Waits until the report counts <paramref name="sent"/> messages sent.</summary>
    public static async Task<CampaignReportResponse> WaitForSentAsync(HttpClient client, long id, long sent)
    {
        for (var tries = 0; ; tries++)
        {
            var report = (await client.GetFromJsonAsync<CampaignReportResponse>($"/api/campaigns/{id}/report", Ct))!;
            if (report.Total.Sent >= sent || tries == 1500)
            {
                Assert.Equal(sent, report.Total.Sent);
                return report;
            }

            await Task.Delay(20, Ct);
        }
    }

    public static Task IdentifyAsync(KizunaApplication app, long workspaceId, string userId, object traits) =>
        MessagingApi.IdentifyAsync(app, workspaceId, userId, traits);
}
