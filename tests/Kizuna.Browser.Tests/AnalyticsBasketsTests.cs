using System.Globalization;
using Kizuna.Analytics.Baskets;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class AnalyticsBasketsTests(DashboardServer server)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly DateOnly End = DateOnly.FromDateTime(RetailHistory.LastDay.UtcDateTime);

    [Fact]
    public async Task Baskets_AfterTheScoresRefresh_ShowTheStoredRulesWithTheirPeriodAndTime()
    {
        var (workspace, email) = await server.CreateTenantAsync("Stored baskets");
        var history = new RetailHistory();
        await history.SeedAsync(server, workspace.Id);
        var computedAt = server.Clock.GetUtcNow();
        await server.Services.GetRequiredService<BasketRefresher>().RefreshAsync(workspace.Id, computedAt, TestContext.Current.CancellationToken);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        // The page opens on the 30 days up to the history's last day at minimum support 0.02: a stored view.
        await page.OpenAnalyticsAsync("/analytics/baskets");

        var month = (From: End.AddDays(-29), To: End);
        var baskets = history.Orders.Where(o => AnalyticsTests.In(o.Day, month)).Select(o => o.Lines.Select(l => l.Id).ToHashSet()).ToList();
        var expected = BasketReference.Rules(baskets, 0.02, 1);
        Assert.NotEmpty(expected);
        var source = page.Locator("#basket-source");
        await Expect(source).ToHaveAttributeAsync("data-stored", "true");
        await Expect(source).ToContainTextAsync($"Stored rules for {month.From.ToString("D", English)} – {month.To.ToString("D", English)}");
        await Expect(source.Locator(".kz-time")).ToHaveAttributeAsync("title", computedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#basket-summary")).ToHaveTextAsync($"{expected.Count} rules from {baskets.Count} baskets, highest lift first.");
        var best = expected.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Support).First();
        var lifts = await page.EvalOnSelectorAllAsync<string[]>("#basket-rules tbody tr td[data-field='lift']", "cells => cells.map(c => c.innerText.trim())");
        Assert.Equal(best.Lift.ToString("N2", English), lifts[0]);

        // Another support is not stored: mined for the request, and the page says so.
        await page.FillAsync("#min-support", "0.05");
        await page.ClickAsync("#find-rules");

        await Expect(source).ToHaveAttributeAsync("data-stored", "false");
        await Expect(source).ToContainTextAsync($"Computed now for {month.From.ToString("D", English)} – {month.To.ToString("D", English)}");
        var fewer = BasketReference.Rules(baskets, 0.05, 1);
        await Expect(page.Locator("#basket-summary")).ToHaveTextAsync($"{fewer.Count} rules from {baskets.Count} baskets, highest lift first.");
    }
}
