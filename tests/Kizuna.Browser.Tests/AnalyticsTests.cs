using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

/// <summary>
/// The analytics pages on a seeded year of a shop: the figures they show equal those computed here from the seed,
/// the period picker moves them, and no script or style breaks the Content-Security-Policy.
/// </summary>
public sealed class AnalyticsTests(DashboardServer server)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly DateOnly End = DateOnly.FromDateTime(RetailHistory.LastDay.UtcDateTime);

    [Fact]
    public async Task Engagement_SeededHistory_ShowsRevenueAndNpsAsComputedAndThePeriodMovesThem()
    {
        var (workspace, email) = await server.CreateTenantAsync("Analytics");
        var history = new RetailHistory();
        await history.SeedAsync(server, workspace.Id);
        var violations = new ConcurrentQueue<string>();
        var page = Watch(await server.NewPageAsync(), violations);
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.ClickAsync("#nav-analytics-engagement");
        await page.WaitForLiveAnalyticsAsync();

        // The month up to the history's last day, beside the month before it; euros are never added to pounds.
        var month = (From: End.AddDays(-29), To: End);
        await Expect(page.Locator("#latest-data")).ToContainTextAsync("December 9, 2011");
        await Expect(page.Locator("#metric-revenue .kz-stat-value")).ToHaveTextAsync(Pounds(history, month));
        await Expect(page.Locator("#metric-revenue .kz-stat-previous")).ToContainTextAsync(Pounds(history, (month.From.AddDays(-30), month.From.AddDays(-1))));
        await Expect(page.Locator("#metric-orders .kz-stat-value")).ToHaveTextAsync(Orders(history, month).Count().ToString("N0", English));
        await Expect(page.Locator("#trend-revenue")).ToHaveAttributeAsync("data-points", "30");

        var answers = history.Answers.Where(a => In(DateOnly.FromDateTime(a.At.UtcDateTime), month)).Select(a => a.Score).ToList();
        var (score, low, high) = Nps(answers);
        await Expect(page.Locator("#nps-gauge .kz-nps-score")).ToHaveTextAsync(Signed(score));
        await Expect(page.Locator("#nps-distribution")).ToHaveAttributeAsync("data-answers",
            string.Join(",", Enumerable.Range(0, 11).Select(s => answers.Count(a => a == s))));
        await Expect(page.Locator("#nps-interval")).ToHaveTextAsync(
            $"Only {answers.Count} answers, so read the score as a rough sign: the true NPS is likely between {Signed(low)} and {Signed(high)} (95% confidence).");
        await page.ScreenshotAsync("analytics");

        await page.ClickAsync("#period-90d");

        var quarter = (From: End.AddDays(-89), To: End);
        await Expect(page.Locator("#metric-revenue .kz-stat-value")).ToHaveTextAsync(Pounds(history, quarter));
        await Expect(page.Locator("#trend-revenue")).ToHaveAttributeAsync("data-points", "90");
        // Euros have their own figures, never added to the pounds.
        await Expect(page.Locator("#currencies")).ToContainTextAsync("EUR");
        var quarterAnswers = history.Answers.Where(a => In(DateOnly.FromDateTime(a.At.UtcDateTime), quarter)).Select(a => a.Score).ToList();
        await Expect(page.Locator("#nps-gauge .kz-nps-score")).ToHaveTextAsync(Signed(Nps(quarterAnswers).Score));

        await page.ClickAsync("#tab-trends");
        // The period goes with the reader from page to page.
        await Expect(page.Locator("#period-90d")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.Locator("#cohort-heatmap")).ToBeVisibleAsync();
        await Expect(page.Locator("#slice-table")).ToContainTextAsync("GBP");
        await page.ScreenshotAsync("analytics-trends");
        await page.ClickAsync("#tab-baskets");
        await Expect(page.Locator("#basket-summary")).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Engagement_Japanese_LabelsAndNumbersInJapanese()
    {
        var (workspace, email) = await server.CreateTenantAsync("分析");
        var history = new RetailHistory(customers: 24);
        await history.SeedAsync(server, workspace.Id);
        var page = await server.NewPageAsync(locale: "ja-JP");
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.OpenAnalyticsAsync("/analytics?culture=ja");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分析 · エンゲージメント" })).ToBeVisibleAsync();
        await Expect(page.Locator("#metric-revenue")).ToContainTextAsync("売上");
        await Expect(page.Locator("#metric-revenue .kz-stat-value")).ToHaveTextAsync(Pounds(history, (End.AddDays(-29), End)));
        await Expect(page.Locator("#metric-revenue .kz-stat-previous")).ToContainTextAsync("前期間");
        await Expect(page.Locator("#nps-title")).ToHaveTextAsync("ネットプロモータースコア（NPS）");
        await Expect(page.Locator("#nav-analytics-baskets")).ToHaveTextAsync("併せ買いルール");
        await page.ClickAsync("#tab-trends");
        await Expect(page.Locator("#cohort-heatmap")).ToContainTextAsync("初回購入月");
        await Expect(page.Locator("#cohort-heatmap")).ToContainTextAsync("2011年12月");
    }

    internal static IEnumerable<RetailOrder> Orders(RetailHistory history, (DateOnly From, DateOnly To) period) =>
        history.Orders.Where(o => o.Currency == "GBP" && In(o.Day, period));

    internal static string Pounds(RetailHistory history, (DateOnly From, DateOnly To) period) =>
        Orders(history, period).Sum(o => o.Total).ToString("N2", English) + " GBP";

    internal static bool In(DateOnly day, (DateOnly From, DateOnly To) period) => day >= period.From && day <= period.To;

    internal static IPage Watch(IPage page, ConcurrentQueue<string> violations)
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

    // NPS = % promoters − % detractors, with the normal-approximation 95% interval held within ±100.
    private static (double Score, double Low, double High) Nps(IReadOnlyList<int> answers)
    {
        double n = answers.Count;
        var p = answers.Count(a => a >= 9) / n;
        var d = answers.Count(a => a <= 6) / n;
        var half = 1.96 * Math.Sqrt((p + d - ((p - d) * (p - d))) / n);
        return ((p - d) * 100, Math.Max(-1, p - d - half) * 100, Math.Min(1, p - d + half) * 100);
    }

    private static string Signed(double value) => Math.Round(value).ToString("+#,0;−#,0;0", English);
}
