using System.Net;
using System.Net.Http.Json;
using Kizuna.Server.Messaging;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc;
using static Kizuna.Server.Campaigns.CampaignsTestData;

namespace Kizuna.Server.Campaigns;

/// <summary>Campaigns through the API on the real server, their email caught by the SMTP catcher inside it.</summary>
public sealed class CampaignsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Launch_NowToASegment_SendsEachMemberOnceAndReportsIt(string engine)
    {
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.CampaignsRead, Scopes.CampaignsWrite, Scopes.MessagesRead], Ct));
        foreach (var (user, plan) in new[] { ("u1", "gold"), ("u2", "gold"), ("u3", "gold"), ("u4", "silver") })
        {
            await IdentifyAsync(app, workspace.Id, user, new { email = $"{user}@example.com", plan, first_name = user.ToUpperInvariant() });
        }

        var segment = await SegmentAsync(app.Services, workspace.Id, """trait.plan = "gold" """, 3);
        var template = await TemplateAsync(app.Services, workspace.Id, "<p>Hello {{ customer.first_name }}</p>", "News for {{ customer.first_name }}");
        var request = new CampaignRequest("Gold news", "email", [new CampaignVariantRequest("A", template, null, 100)], new CampaignAudienceRequest([segment], []), new CampaignScheduleRequest("now"));

        var size = await (await client.PostAsJsonAsync("/api/campaigns/size", request, Ct)).Content.ReadFromJsonAsync<AudienceSizeResponse>(Ct);
        var created = await client.PostAsJsonAsync("/api/campaigns", request, Ct);
        var campaign = (await created.Content.ReadFromJsonAsync<CampaignResponse>(Ct))!;
        var launched = await client.PostAsync($"/api/campaigns/{campaign.Id}/launch", null, Ct);
        var again = await client.PostAsync($"/api/campaigns/{campaign.Id}/launch", null, Ct);

        Assert.Equal((3L, 0L), (size!.Total, size.Control));
        Assert.Equal((HttpStatusCode.Created, "draft"), (created.StatusCode, campaign.State));
        Assert.Equal(HttpStatusCode.OK, launched.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await WaitForStateAsync(client, campaign.Id, "sent");
        var report = await WaitForSentAsync(client, campaign.Id, 3);
        Assert.Equal((3L, 3L, 0L), (report.Total.Targeted, report.Total.Delivered, report.Total.Skipped));
        var caught = (await client.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages;
        Assert.Equal(["u1@example.com", "u2@example.com", "u3@example.com"], caught.SelectMany(m => m.RcptTo).Order(StringComparer.Ordinal));
        Assert.Contains(caught, m => m.Subject == "News for U2");
    }

    [Theory]
    [InlineData("""{"name":"x","channel":"fax","variants":[{"templateId":1}],"audience":{"include":[1]}}""", "channel")]
    [InlineData("""{"name":"","channel":"email","variants":[{"name":"A","templateId":TEMPLATE}],"audience":{"include":[SEGMENT]}}""", "name")]
    [InlineData("""{"name":"x","channel":"email","variants":[{"name":"A","templateId":TEMPLATE,"percent":50},{"name":"B","templateId":TEMPLATE,"percent":40}],"audience":{"include":[SEGMENT]}}""", "variants")]
    [InlineData("""{"name":"x","channel":"email","variants":[{"name":"A","templateId":999999}],"audience":{"include":[SEGMENT]}}""", "variants[0].templateId")]
    [InlineData("""{"name":"x","channel":"email","variants":[{"name":"A","templateId":TEMPLATE}],"audience":{"include":[999999]}}""", "audience.include")]
    [InlineData("""{"name":"x","channel":"email","variants":[{"name":"A","templateId":TEMPLATE}],"audience":{"include":[SEGMENT]},"schedule":{"kind":"local_time","localDate":"2026-13-01","localTime":"10:00"}}""", "schedule.localDate")]
    [InlineData("""{"name":"x","channel":"email","variants":[{"name":"A","templateId":TEMPLATE}],"audience":{"include":[SEGMENT]},"schedule":{"kind":"recurring","cron":"every day"}}""", "schedule.cron")]
    [InlineData("""{"name":"x","channel":"email","variants":[{"name":"A","templateId":TEMPLATE}],"audience":{"include":[SEGMENT]},"controlPercent":80}""", "controlPercent")]
    [InlineData("""{"name":"x","channel":"email","variants":[{"name":"A","templateId":TEMPLATE}],"audience":{"include":[SEGMENT]},"test":{"metric":"click_rate"}}""", "test")]
    public async Task Create_BadInput_Answers400NamingTheField(string body, string field)
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.CampaignsRead, Scopes.CampaignsWrite], Ct));
        var segment = await SegmentAsync(app.Services, workspace.Id, """trait.plan = "gold" """, 0);
        var template = await TemplateAsync(app.Services, workspace.Id, "<p>Hi</p>", "Hi");

        var response = await client.PostAsync("/api/campaigns", Json(body.Replace("TEMPLATE", $"{template}", StringComparison.Ordinal).Replace("SEGMENT", $"{segment}", StringComparison.Ordinal)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);
        Assert.Empty((await client.GetFromJsonAsync<List<CampaignResponse>>("/api/campaigns", Ct))!);
    }

    [Fact]
    public async Task Launch_ThatCannotSend_IsRefusedWithTheReasonAndStaysADraft()
    {
        await using var app = new KizunaApplication(settings: MessagingApi.Catcher);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.CampaignsRead, Scopes.CampaignsWrite], Ct));
        await IdentifyAsync(app, workspace.Id, "u1", new { email = "u1@example.com", plan = "gold" });
        var empty = await SegmentAsync(app.Services, workspace.Id, """trait.plan = "platinum" """, 0);
        var gold = await SegmentAsync(app.Services, workspace.Id, """trait.plan = "gold" """, 1);
        var good = await TemplateAsync(app.Services, workspace.Id, "<p>Hi</p>", "Hi");
        var broken = await TemplateAsync(app.Services, workspace.Id, "<p>{{ 1 | divided_by: 0 }}</p>", "Hi");

        async Task<(HttpStatusCode, string)> LaunchAsync(long segment, long template, CampaignScheduleRequest schedule, string channel = "email")
        {
            var created = await (await client.PostAsJsonAsync("/api/campaigns", new CampaignRequest(
                "c", channel, [new CampaignVariantRequest("A", template, null, 100)], new CampaignAudienceRequest([segment], []), schedule), Ct)).Content.ReadFromJsonAsync<CampaignResponse>(Ct);
            var response = await client.PostAsync($"/api/campaigns/{created!.Id}/launch", null, Ct);
            return (response.StatusCode, string.Join(",", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys));
        }

        Assert.Equal((HttpStatusCode.BadRequest, "audience"), await LaunchAsync(empty, good, new CampaignScheduleRequest("now")));
        Assert.Equal((HttpStatusCode.BadRequest, "schedule.at"), await LaunchAsync(gold, good, new CampaignScheduleRequest("at", At: DateTimeOffset.UtcNow.AddDays(-1))));
        Assert.Equal((HttpStatusCode.BadRequest, "variants[0].templateId"), await LaunchAsync(gold, broken, new CampaignScheduleRequest("now")));
        var campaigns = (await client.GetFromJsonAsync<List<CampaignResponse>>("/api/campaigns", Ct))!;
        Assert.All(campaigns, c => Assert.Equal("draft", c.State));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
