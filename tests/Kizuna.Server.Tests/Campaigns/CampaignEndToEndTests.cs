using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Server.Messaging;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Campaigns;

/// <summary>
/// A local-time campaign from launch to report under a fake clock: customers in three time zones (and some without
/// one, who get the workspace's), two variants and a control, the email through the SMTP server on loopback; opens,
/// clicks and orders come back through the tracking API.
/// </summary>
public sealed class CampaignEndToEndTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    // 10:00 on 2026-03-11 in each zone: Tokyo UTC+9, Paris (the workspace's) UTC+1, London UTC+0, Los Angeles UTC-7 (daylight time).
    private static readonly (string? Zone, DateTimeOffset Due)[] Zones =
    [
        ("Asia/Tokyo", new(2026, 3, 11, 1, 0, 0, TimeSpan.Zero)),
        (null, new(2026, 3, 11, 9, 0, 0, TimeSpan.Zero)),
        ("Europe/London", new(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)),
        ("America/Los_Angeles", new(2026, 3, 11, 17, 0, 0, TimeSpan.Zero)),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task LocalTimeAbTest_WithControl_SendsAtTenLocalAndReportsRatesConversionsRevenueAndUplift(string engine)
    {
        var time = new FakeTimeProvider(Start);
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        // The clock stands still while the test polls for each zone's messages, so the API's request window never
        // turns: a slow machine's polls would run out of it.
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPermits", "1000000").ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var keys = host.Services.GetRequiredService<ApiKeyService>();
        using var admin = Client(host.CreateClient(), "Bearer", (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "a", [Scopes.CampaignsRead, Scopes.CampaignsWrite, Scopes.MessagesRead], Ct)).Secret);
        using var site = Client(host.CreateClient(), "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes((await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "w", [], Ct)).Secret + ":")));

        var zoneOf = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < 40; i++)
        {
            var (zone, due) = Zones[i % Zones.Length];
            var user = $"c{i}";
            zoneOf[user] = due;
            var identified = await site.PostAsJsonAsync("/v1/identify", new { userId = user, traits = new { email = $"{user}@example.com", plan = "gold", timezone = zone } }, Ct);
            identified.EnsureSuccessStatusCode();
        }

        var segment = await CampaignsTestData.SegmentAsync(host.Services, workspace.Id, """trait.plan = "gold" """, 40);
        var a = await CampaignsTestData.TemplateAsync(host.Services, workspace.Id, "<p>A for {{ customer.email }}</p>", "Spring sale A");
        var b = await CampaignsTestData.TemplateAsync(host.Services, workspace.Id, "<p>B for {{ customer.email }}</p>", "Spring sale B");
        var created = await (await admin.PostAsJsonAsync("/api/campaigns", new CampaignRequest(
            "Spring sale", "email", [new CampaignVariantRequest("A", a, null, 50), new CampaignVariantRequest("B", b, null, 50)],
            new CampaignAudienceRequest([segment], []),
            new CampaignScheduleRequest("local_time", LocalDate: "2026-03-11", LocalTime: "10:00", TimeZone: "Europe/Paris"),
            ControlPercent: 25, Goal: new ConversionGoalRequest(["Order Completed"], WindowHours: 48), Test: new AbTestRequest("click_rate")), Ct)).Content.ReadFromJsonAsync<CampaignResponse>(Ct);
        (await admin.PostAsync($"/api/campaigns/{created!.Id}/launch", null, Ct)).EnsureSuccessStatusCode();

        // Each zone's customers get the message when 10:00 comes there: the clock stops at each zone's time until
        // its messages are out, so a message sent early or late would carry another time.
        var messages = new Dictionary<string, MessageResponse>();
        foreach (var (_, due) in Zones)
        {
            time.SetUtcNow(due);
            var expected = zoneOf.Count(z => z.Value <= due);
            foreach (var message in await WaitForMessagesAsync(admin, created.Id, expected, workspace.Id))
            {
                messages[message.Recipient!.Split('@')[0]] = message;
            }
        }

        Assert.All(messages, m => Assert.Equal(zoneOf[m.Key], m.Value.SentAt));
        var control = zoneOf.Keys.Except(messages.Keys).ToList();
        var variantA = messages.Where(m => m.Value.Source.EndsWith(":variant:0", StringComparison.Ordinal)).Select(m => m.Value).ToList();
        var variantB = messages.Where(m => m.Value.Source.EndsWith(":variant:1", StringComparison.Ordinal)).Select(m => m.Value).ToList();
        Assert.True(control.Count > 0 && variantA.Count >= 2 && variantB.Count >= 1, $"split {control.Count}/{variantA.Count}/{variantB.Count}");

        // Everyone in A opens and clicks, one in B opens; two of A and one of the control order.
        time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 18, 0, 0, TimeSpan.Zero));
        foreach (var m in variantA)
        {
            await TrackAsync(site, m, "Email Opened", new { message_id = m.Id });
            await TrackAsync(site, m, "Email Link Clicked", new { message_id = m.Id, url = "https://shop.example.com/sale" });
        }

        await TrackAsync(site, variantB[0], "Email Opened", new { message_id = variantB[0].Id });
        await TrackAsync(site, variantA[0], "Order Completed", new { order_id = "o-1", revenue = 120.50m, currency = "EUR" });
        await TrackAsync(site, variantA[1], "Order Completed", new { order_id = "o-2", total = 79.50m, currency = "EUR" });
        (await site.PostAsJsonAsync("/v1/track", new { userId = control[0], @event = "Order Completed", properties = new { order_id = "o-3", revenue = 10m, currency = "EUR" } }, Ct)).EnsureSuccessStatusCode();
        (await site.PostAsJsonAsync("/v1/track", new { userId = variantB[0].Recipient!.Split('@')[0], @event = "Order Completed", properties = new { order_id = "o-4", revenue = 5m, currency = "USD", channel = "store" } }, Ct)).EnsureSuccessStatusCode();

        var report = (await admin.GetFromJsonAsync<CampaignReportResponse>($"/api/campaigns/{created.Id}/report", Ct))!;
        var sent = variantA.Count + variantB.Count;
        Assert.Equal((40L, (long)sent, (long)sent), (report.Total.Targeted, report.Total.Sent, report.Total.Delivered));
        Assert.Equal(((long)variantA.Count, (long)variantA.Count, 1.0), (report.Variants[0].Metrics.UniqueOpens, report.Variants[0].Metrics.UniqueClicks, report.Variants[0].Metrics.ClickToOpenRate));
        Assert.Equal((1L, 0L, 1L), (report.Variants[1].Metrics.UniqueOpens, report.Variants[1].Metrics.UniqueClicks, report.Variants[1].Metrics.Conversions));
        Assert.Equal((2L, 3L), (report.Variants[0].Metrics.Conversions, report.Total.Conversions));
        Assert.Equal([new RevenueResponse("EUR", 200.00m), new RevenueResponse("USD", 5m)], report.Total.Revenue);
        Assert.Equal((long)control.Count, report.Control.Size);
        Assert.Equal(1L, report.Control.ConversionRate.Hits);
        Assert.Equal(3.0 / sent - (1.0 / control.Count), report.Uplift!.Difference, 10);
        Assert.Equal((double)variantA.Count / variantA.Count, report.Variants[0].ClickRate.Rate);
        Assert.Contains("click rate", Assert.Single(report.Comparisons).Summary, StringComparison.Ordinal);
        Assert.Equal("A", report.Winner);
        var csv = await admin.GetStringAsync($"/api/campaigns/{created.Id}/report.csv", Ct);
        Assert.Contains($"variant:A,{variantA.Count},{variantA.Count},", csv, StringComparison.Ordinal);
        await CampaignsTestData.WaitForStateAsync(admin, created.Id, "sent");
    }

    private static HttpClient Client(HttpClient client, string scheme, string secret)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, secret);
        return client;
    }

    private static async Task TrackAsync(HttpClient site, MessageResponse to, string name, object properties) =>
        (await site.PostAsJsonAsync("/v1/track", new { userId = to.Recipient!.Split('@')[0], @event = name, properties }, Ct)).EnsureSuccessStatusCode();

    /// <summary>
    /// Waits until <paramref name="count"/> customers were reached (a message caught, or their turn in the control
    /// taken) and answers each caught message as the outbox has it.
    /// </summary>
    private static async Task<IReadOnlyList<MessageResponse>> WaitForMessagesAsync(HttpClient admin, long campaignId, int count, long workspaceId)
    {
        for (var tries = 0; ; tries++)
        {
            var caught = (await admin.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages;
            var control = (await admin.GetFromJsonAsync<CampaignReportResponse>($"/api/campaigns/{campaignId}/report", Ct))!.Control.Size;
            if (caught.Count + control >= count || tries == 1500)
            {
                Assert.Equal(count, caught.Count + control);
                var prefix = $"kz.{workspaceId.ToString(CultureInfo.InvariantCulture)}.";
                var ids = caught.Select(m => long.Parse(m.MessageId!.Split('@')[0][prefix.Length..], CultureInfo.InvariantCulture));
                var read = await Task.WhenAll(ids.Select(id => admin.GetFromJsonAsync<MessageResponse>($"/api/messages/{id}", Ct)));

                // The SMTP server accepts a message before the outbox commits its outcome: wait for that commit too.
                if (read.All(m => m!.State == "sent") || tries == 1500)
                {
                    return [.. read.Select(m => m!)];
                }
            }

            await Task.Delay(20, Ct);
        }
    }
}
