using Kizuna.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class SegmentArchiveTests(DashboardServer server)
{
    private static readonly SeedCustomer[] Customers =
    [
        new("sa-1", "Kaito Mori", "kaito@example.test", "gold", []),
        new("sa-2", "Nana Sato", "nana@example.test", "gold", []),
        new("sa-3", "Taro Ueno", "taro@example.test", "silver", []),
    ];

    [Fact]
    public async Task SegmentPage_ArchivedAfterConfirmingThenRestored_MembersLeaveAndComeBackAndTheSizeHistoryShowsIt()
    {
        var (workspace, email) = await server.CreateTenantAsync("Segment archive");
        await server.SeedAsync(workspace.Id, Customers);
        var id = await CreateAsync(workspace.Id, "Gold plan", "trait.plan = \"gold\"");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync($"/segments/{id}");
        await Expect(page.Locator("#segment-editor[data-live='true']")).ToHaveCountAsync(1);

        var chart = page.Locator("#segment-size-chart");
        await Expect(chart).ToHaveAttributeAsync("data-days", "29");
        await Expect(chart).ToHaveAttributeAsync("data-size", "2");
        await Expect(chart).ToHaveAttributeAsync("data-entered", "2");
        await Expect(chart).ToHaveAttributeAsync("data-exited", "0");
        await Expect(chart.Locator("svg")).ToHaveCountAsync(2);
        await Expect(page.Locator("#segment-size-summary")).ToHaveTextAsync("Last 29 days (UTC): 2 entered, 0 exited.");
        await Expect(page.Locator("#segment-estimate")).ToHaveAttributeAsync("data-size", "2");
        await page.ScreenshotAsync("segment-size-history");

        // Cancelling the confirmation changes nothing.
        await page.ClickAsync("#segment-archive");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("Archive this segment?");
        await Expect(dialog).ToContainTextAsync("“Gold plan” stops keeping members");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("#segment-editor .kz-seg-status")).ToHaveAttributeAsync("data-status", "active");

        await page.ClickAsync("#segment-archive");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        await Expect(page.Locator("#segment-editor .kz-seg-status")).ToHaveAttributeAsync("data-status", "archived");
        await Expect(page.Locator("#segment-members tbody tr.mud-table-row")).ToHaveCountAsync(0);
        await Expect(chart).ToHaveAttributeAsync("data-size", "0");
        await Expect(page.Locator("#segment-archive")).ToHaveCountAsync(0);
        Assert.Equal(SegmentStatus.Archived, (await Segments.FindAsync(workspace.Id, id, CancellationToken.None))!.Status);

        await page.ClickAsync("#segment-restore");
        await Expect(dialog).ToContainTextAsync("Restore this segment?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "restored" })).ToHaveCountAsync(1);
        // The page shows the members once the fresh computation has written them.
        await Expect(page.Locator("#segment-editor .kz-seg-status")).ToHaveAttributeAsync("data-status", "active", new() { Timeout = 30_000 });
        await Expect(page.Locator("#segment-members tbody tr.mud-table-row")).ToHaveCountAsync(2);
        await Expect(chart).ToHaveAttributeAsync("data-size", "2");
        await Expect(chart).ToHaveAttributeAsync("data-entered", "4");
        await Expect(page.Locator("#segment-archive")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SegmentPage_Japanese_ChartAndConfirmationInJapanese()
    {
        var (workspace, email) = await server.CreateTenantAsync("Segment archive ja");
        await server.SeedAsync(workspace.Id, Customers);
        var id = await CreateAsync(workspace.Id, "ゴールド会員", "trait.plan = \"gold\"");
        var page = await server.NewPageAsync(locale: "ja-JP");
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync($"/segments/{id}?culture=ja");
        await Expect(page.Locator("#segment-editor[data-live='true']")).ToHaveCountAsync(1);

        await Expect(page.Locator("#segment-size-history")).ToContainTextAsync("過去 4 週間の人数");
        await Expect(page.Locator("#segment-size-summary")).ToHaveTextAsync("直近 29 日間（UTC）：参加 2 人、離脱 0 人");
        await Expect(page.Locator("#segment-archive")).ToHaveTextAsync("アーカイブ");
        await page.ClickAsync("#segment-archive");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("このセグメントをアーカイブしますか？");
        await Expect(dialog).ToContainTextAsync("「ゴールド会員」はメンバーの更新を止めます");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "キャンセル" }).ClickAsync();
        await Expect(page.Locator("#segment-editor .kz-seg-status")).ToHaveAttributeAsync("data-status", "active");
    }

    private SegmentService Segments => server.Services.GetRequiredService<SegmentService>();

    private async Task<long> CreateAsync(long workspaceId, string name, string text)
    {
        var saved = await Segments.CreateAsync(workspaceId, new SegmentDraft(name, null, null, text), "user:test", CancellationToken.None);
        var id = saved.Segment?.Id ?? throw new InvalidOperationException(string.Join("; ", saved.Problems ?? []));
        // The full computation runs on the job queue; the page shows what it wrote.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await Segments.FindAsync(workspaceId, id, timeout.Token) is not { ComputedAt: not null })
        {
            await Task.Delay(100, timeout.Token);
        }

        return id;
    }
}
