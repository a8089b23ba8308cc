using System.Globalization;
using Kizuna.Campaigns;
using Kizuna.Messaging;
using Kizuna.Profiles;
using Kizuna.Segments;
using Kizuna.Templates.Store;

namespace Kizuna.Demo;

/// <summary>
/// The demo's finished campaigns, so a newcomer finds reports on the first run: a newsletter to the customers in
/// Japan five weeks ago, an A/B test of two subject lines with a control, whose winner went to the rest of the
/// audience after a day, and a send at 10:00 in each customer's own time zone last week. Each is sent for real on
/// the demo clock and answered through ingestion; the reports are worked out as for any campaign.
/// </summary>
public sealed class DemoCampaignHistory(
    DemoCampaignDriver driver, SegmentService segments, TemplateStore templates, TemplateLibrary library, ProfileService profiles, TimeProvider time)
{
    private const string ShopLink = "<p><a href=\"https://shop.kizuna.example/collections/tea\">Visit the shop</a></p>";

    public async Task<IReadOnlyList<long>> SeedAsync(long workspaceId, int customers, CancellationToken ct)
    {
        var clock = time as DemoClock ?? throw new InvalidOperationException("The demo campaigns need the demo clock.");
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var everyone = await SegmentAsync(workspaceId, "Newsletter subscribers", "trait.email exists", ct);
        var japan = await SegmentAsync(workspaceId, "Customers in Japan", "trait.country = \"JP\"", ct);
        var users = await UsersAsync(workspaceId, customers, ct);
        var goal = new ConversionGoal(["Order Completed"], null, TimeSpan.FromHours(72));
        var harvest = await TemplateAsync(workspaceId, "demo_newsletter_harvest", "新茶の季節です — the first flush is in",
            "<p>Hello {{ customer.name | default: 'there' }},</p><p>This year's first-flush sencha from Shizuoka has arrived.</p>", ct);
        var plain = await TemplateAsync(workspaceId, "demo_teaware_sale_a", "20% off teaware this week",
            "<p>Kyusu, kettles and cups: 20% off until Sunday.</p>", ct);
        var personal = await TemplateAsync(workspaceId, "demo_teaware_sale_b", "Your new teapot is 20% off — until Sunday",
            "<p>{{ customer.name | default: 'Hello' }}, the teapot you looked at is 20% off until Sunday.</p>", ct);
        var morning = await TemplateAsync(workspaceId, "demo_morning_matcha", "Good morning: a new matcha to start the day",
            "<p>Whisk a bowl of our new ceremonial matcha with your breakfast.</p>", ct);

        var ids = new List<long>
        {
            await driver.RunAsync(workspaceId, new DemoCampaignPlan(1, "Tea harvest newsletter", new CampaignDefinition(
                MessageChannel.Email, [new CampaignVariant("Newsletter", harvest, null, 100)], new CampaignAudience([japan], []),
                new CampaignSchedule(ScheduleKind.Now), Goal: goal), [new DemoRates(0.42, 0.22, 0.20)]), today.AddDays(-33).AddHours(1), users, ct),
            await driver.RunAsync(workspaceId, new DemoCampaignPlan(2, "Teaware sale: subject line test", new CampaignDefinition(
                MessageChannel.Email, [new CampaignVariant("Plain", plain, null, 50), new CampaignVariant("Personal", personal, null, 50)],
                new CampaignAudience([everyone], []), new CampaignSchedule(ScheduleKind.Now), ControlPercent: 10, Goal: goal,
                Test: new AbTest(WinnerMetric.ClickRate, 40, TimeSpan.FromHours(24))),
                [new DemoRates(0.36, 0.15, 0.22), new DemoRates(0.45, 0.26, 0.24)]), today.AddDays(-19).AddHours(1), users, ct),
            await driver.RunAsync(workspaceId, new DemoCampaignPlan(3, "Morning matcha at 10:00 local time", new CampaignDefinition(
                MessageChannel.Email, [new CampaignVariant("Morning", morning, null, 100)], new CampaignAudience([everyone], []),
                new CampaignSchedule(ScheduleKind.LocalTime, LocalDate: DateOnly.FromDateTime(today.AddDays(-6).UtcDateTime), LocalTime: new TimeOnly(10, 0), TimeZone: "Asia/Tokyo"),
                ControlPercent: 10, Goal: goal), [new DemoRates(0.52, 0.24, 0.22)]), today.AddDays(-8), users, ct),
        };
        clock.Reset();
        return ids;
    }

    private async Task<long> SegmentAsync(long workspaceId, string name, string text, CancellationToken ct)
    {
        var saved = await segments.CreateAsync(workspaceId, new SegmentDraft(name, null, null, text), "demo", ct);
        var id = saved.Segment?.Id ?? throw new InvalidOperationException($"The demo segment {name} was refused: {string.Join("; ", saved.Problems ?? [])}");
        while (await segments.FindAsync(workspaceId, id, ct) is not { ComputedAt: not null })
        {
            await Task.Delay(50, ct);   // a campaign's audience is a computed segment
        }

        return id;
    }

    private async Task<long> TemplateAsync(long workspaceId, string name, string subject, string body, CancellationToken ct)
    {
        if (await templates.FindByNameAsync(workspaceId, TemplateKind.Template, name, ct) is { } existing)
        {
            return existing.Id;
        }

        var saved = await library.CreateAsync(workspaceId, TemplateKind.Template, name, new TemplateDraft(body + ShopLink, subject, "Demo campaign"), "demo", ct);
        return saved.Template?.Id ?? throw new InvalidOperationException($"The demo template {name} was refused: {saved.Message}");
    }

    /// <summary>The demo customers' profiles and user ids, for their answers to come back as the shop's tracking sends them.</summary>
    private async Task<IReadOnlyDictionary<long, string>> UsersAsync(long workspaceId, int customers, CancellationToken ct)
    {
        var users = new Dictionary<long, string>();
        for (var i = 0; i < customers; i++)
        {
            var user = string.Create(CultureInfo.InvariantCulture, $"cus_{i + 1:D5}");
            if (await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.UserId, user), ct) is { } id)
            {
                users[id] = user;
            }
        }

        return users;
    }
}
