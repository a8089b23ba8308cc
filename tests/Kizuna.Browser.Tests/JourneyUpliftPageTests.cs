using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Journeys;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class JourneyUpliftPageTests(DashboardServer server)
{
    [Fact]
    public async Task JourneyDetail_SplitWithControlAndConversions_ShowsEachPathsConversionAndTheUplift()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journey uplift");
        var template = await server.TemplateAsync(workspace.Id, "spring_offer", new TemplateDraft("<p>10% off spring tea.</p>", "Spring offer"));
        var customers = Enumerable.Range(1, 60).Select(i => new SeedCustomer($"up-{i:D2}", $"Customer {i}", $"up-{i:D2}@example.test", "free", [])).ToArray();
        var profiles = await server.SeedAsync(workspace.Id, customers);

        // Half get the offer, half are held out as the control; the goal is an order within a week.
        var service = server.Services.GetRequiredService<JourneyService>();
        var definition = new JourneyDefinition(new JourneyEntryRule(JourneyEntryRule.OnApi),
            [
                new JourneyNode("split", JourneyNodeKinds.Split, "Offer or holdout", Paths: [new SplitPath("offer", 50, "offer_mail"), new SplitPath("holdout", 50, "done", Control: true)]),
                new JourneyNode("offer_mail", JourneyNodeKinds.Message, "Spring offer", Next: "done", Channel: "email", TemplateId: template),
                new JourneyNode("done", JourneyNodeKinds.Exit),
            ],
            Goal: new ConversionGoal("Order Completed", "7d"));
        var created = await service.CreateAsync(workspace.Id, "Spring offer test", definition, "user:test", CancellationToken.None);
        var journey = (await service.LaunchAsync(workspace.Id, created.Journey!.Id, CancellationToken.None)).Journey!;

        // Every customer enters through the API; three in five of the offer path order, one in ten of the control path.
        var api = server.Services.GetRequiredService<JourneyApiEntries>();
        var byPath = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["offer"] = [], ["holdout"] = [] };
        foreach (var (userId, profileId) in profiles)
        {
            var entered = await api.EnterAsync(workspace.Id, journey.Id, profileId, null, userId, CancellationToken.None);
            var path = JsonNode.Parse(entered.Entry!.Vars!)!["path:split"]!.GetValue<string>();
            byPath[path].Add(userId);
        }

        var buyers = byPath["offer"].Where((_, i) => i % 5 < 3).Concat(byPath["holdout"].Where((_, i) => i % 10 == 0)).ToList();
        foreach (var userId in buyers)
        {
            await server.OrderAsync(workspace.Id, userId, $"o-{userId}", 2_400, "JPY");
        }

        await server.WaitForTotalsAsync(workspace.Id, journey.Id, t => t.Converted == buyers.Count);
        var counts = await server.Services.GetRequiredService<EntryStore>().PathCountsAsync(workspace.Id, journey.Id, CancellationToken.None);
        var uplift = Assert.Single(JourneyUplift.Of(definition, counts));

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoLiveAsync($"/journeys/{journey.Id}");
        await Expect(page.Locator("#journey-detail[data-live='true']")).ToHaveCountAsync(1);
        foreach (var (path, users) in byPath)
        {
            var row = page.Locator($"#journey-paths tr[data-node='split'][data-path='{path}']");
            await Expect(row.Locator("[data-field='entries']")).ToHaveTextAsync(users.Count.ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("[data-field='converted']")).ToHaveTextAsync(buyers.Count(users.Contains).ToString(CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator("#journey-paths tr[data-path='holdout']")).ToContainTextAsync("(control)");
        await Expect(page.Locator("#journey-paths tr[data-path='holdout'] [data-field='uplift']")).ToHaveTextAsync("–");
        await Expect(page.Locator("#journey-paths tr[data-path='offer'] [data-field='uplift']")).ToContainTextAsync("95% interval");
        var sentence = page.Locator("#journey-paths .kz-path-uplift[data-node='split'][data-path='offer']");
        await Expect(sentence).ToContainTextAsync("offer");
        await Expect(sentence).ToHaveAttributeAsync("data-significant", uplift.Comparison.Significant ? "true" : "false");
        await Expect(page.Locator("#journey-headline [data-metric='converted']")).ToHaveAttributeAsync("data-value", buyers.Count.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#journey-graph .kz-jn[data-node='offer_mail'] [data-count='entered']")).ToHaveAttributeAsync("data-value", byPath["offer"].Count.ToString(CultureInfo.InvariantCulture));
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync("journey-detail");
    }
}
