using System.Collections.Concurrent;
using Kizuna.Segments;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class SegmentListTests(DashboardServer server)
{
    [Fact]
    public async Task SegmentList_ComputedSegments_ShowSizeTrendStatusWithoutPolicyViolations()
    {
        var (workspace, email) = await server.CreateTenantAsync("Segment list");
        await server.SeedAsync(workspace.Id,
            new SeedCustomer("sl-1", "Hina Ueda", "hina@example.test", "gold", [new SeedOrder("sl-o1", "Gyokuro", 5200, 1)]),
            new SeedCustomer("sl-2", "Sora Ito", "sora@example.test", "gold", []),
            new SeedCustomer("sl-3", "Yui Abe", "yui@example.test", "bronze", [new SeedOrder("sl-o2", "Genmaicha", 900, 3)]));
        var gold = await CreateAsync(workspace.Id, "Gold plan", "trait.plan = \"gold\"");
        var buyers = await CreateAsync(workspace.Id, "Buyers", """
            order_count >= 1
              and (trait.plan = "gold" or performed("Order Completed", within 30d, property.total > 1000))
              and not performed("Email Opened", within 30d)
            """);

        var violations = new ConcurrentQueue<string>();
        var page = Watch(await server.NewPageAsync(), violations);
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-segments");

        var goldRow = page.Locator("#segments-table tbody tr").Filter(new() { HasText = "Gold plan" });
        await Expect(goldRow.Locator("[data-field='size']")).ToHaveTextAsync("2");
        await Expect(goldRow.Locator(".kz-seg-status")).ToHaveAttributeAsync("data-status", "active");
        await Expect(goldRow.Locator("svg.kz-seg-spark")).ToHaveAttributeAsync("data-points", "30");
        await Expect(goldRow.Locator(".kz-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d{4}"));
        var buyersRow = page.Locator("#segments-table tbody tr").Filter(new() { HasText = "Buyers" });
        await Expect(buyersRow.Locator("[data-field='size']")).ToHaveTextAsync("2");
        await page.ScreenshotAsync("segments");

        await buyersRow.Locator($"a[href='/segments/{buyers}']").ClickAsync();
        await Expect(page.Locator("#segment-editor[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#segment-visual .kz-seg-row[data-kind='not_performed'] [data-part='event']")).ToHaveValueAsync("Email Opened");
        await Expect(page.Locator("#segment-members tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#segment-visual .kz-seg-filter [data-part='path']")).ToHaveValueAsync("total");
        await Expect(page.Locator("#segment-estimate")).ToHaveAttributeAsync("data-size", "2");
        await page.ScreenshotAsync("segment-builder");
        await Expect(page.Locator("#segment-export")).ToHaveAttributeAsync("href", $"/api/segments/{buyers}/members.csv");
        await page.ClickAsync("#segment-recompute");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("recompute");

        Assert.Empty(violations);
        Assert.NotEqual(gold, buyers);
    }

    [Fact]
    public async Task Segments_Viewer_ReadsMembersButCannotSaveOrRecompute()
    {
        var (workspace, _) = await server.CreateTenantAsync("Segment viewer");
        var ids = await server.SeedAsync(workspace.Id,
            new SeedCustomer("sv-1", "Riku Ota", "riku@example.test", "gold", []));
        var id = await CreateAsync(workspace.Id, "Gold", "trait.plan = \"gold\"");
        var viewer = $"viewer-{Guid.NewGuid():N}@example.test";
        var user = await server.Services.GetRequiredService<UserService>().CreateAsync(viewer, "Viewer", DashboardServer.UserPassword, CancellationToken.None);
        await server.Services.GetRequiredService<WorkspaceService>().AddMemberAsync(workspace.Id, user.Id, Role.Viewer, CancellationToken.None);

        var page = await server.NewPageAsync();
        await page.LoginAsync(viewer, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-segments");
        await Expect(page.Locator("#segments-table tbody tr").Filter(new() { HasText = "Gold" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#segment-create")).ToHaveCountAsync(0);

        await page.GotoAsync($"/segments/{id}");
        await Expect(page.Locator("#segment-editor[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#segment-members tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#segment-save")).ToHaveCountAsync(0);
        await Expect(page.Locator("#segment-recompute")).ToHaveCountAsync(0);

        await page.GotoAsync($"/customers/{ids["sv-1"]}");
        await Expect(page.Locator("#customer-segments")).ToContainTextAsync("Gold");
    }

    private async Task<long> CreateAsync(long workspaceId, string name, string text)
    {
        var segments = server.Services.GetRequiredService<SegmentService>();
        var saved = await segments.CreateAsync(workspaceId, new SegmentDraft(name, null, null, text), "user:test", CancellationToken.None);
        var id = saved.Segment?.Id ?? throw new InvalidOperationException(string.Join("; ", saved.Problems ?? []));
        // The full computation runs on the job queue; the list shows what it wrote.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await segments.FindAsync(workspaceId, id, timeout.Token) is not { ComputedAt: not null })
        {
            await Task.Delay(100, timeout.Token);
        }

        return id;
    }

    private static IPage Watch(IPage page, ConcurrentQueue<string> violations)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.Ordinal)))
            {
                violations.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => violations.Enqueue(error);
        return page;
    }
}
