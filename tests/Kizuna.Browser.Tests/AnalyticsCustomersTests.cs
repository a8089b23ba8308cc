using System.Globalization;
using Kizuna.Analytics.Rfm;
using Kizuna.Analytics.Scores;
using Kizuna.Profiles;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class AnalyticsCustomersTests(DashboardServer server)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly DateOnly End = DateOnly.FromDateTime(RetailHistory.LastDay.UtcDateTime);

    [Fact]
    public async Task Baskets_FranceOverAYear_ShowTheRulesOfAReferenceComputation()
    {
        var (workspace, email) = await server.CreateTenantAsync("Baskets");
        var history = new RetailHistory();
        await history.SeedAsync(server, workspace.Id);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.OpenAnalyticsAsync("/analytics/baskets");
        await Expect(page.Locator("#basket-summary")).ToBeVisibleAsync();

        await page.ClickAsync("#period-12m");
        await Expect(page.Locator("#period-12m")).ToHaveAttributeAsync("aria-checked", "true");
        await page.FillAsync("#min-support", "0.3");
        await page.FillAsync("#min-lift", "1");
        await page.FillAsync("#basket-country", "FR");
        await page.ClickAsync("#find-rules");

        // Every French order of the twelve months is a basket, in any currency.
        var year = (From: End.AddMonths(-12).AddDays(1), To: End);
        var baskets = history.Orders.Where(o => o.Country == "FR" && AnalyticsTests.In(o.Day, year))
            .Select(o => o.Lines.Select(l => l.Id).ToHashSet()).ToList();
        var expected = BasketReference.Rules(baskets, 0.3, 1);
        Assert.NotEmpty(expected);
        await Expect(page.Locator("#basket-summary")).ToHaveTextAsync($"{expected.Count} rules from {baskets.Count} baskets, highest lift first.");
        var rows = await page.EvalOnSelectorAllAsync<string[][]>("#basket-rules tbody tr",
            "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.innerText.trim()))");
        var best = expected.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Support).First();
        // Products read by name, the id beside it.
        var names = history.Orders.SelectMany(o => o.Lines).DistinctBy(l => l.Id).ToDictionary(l => l.Id, l => l.Name);
        string Shown(string items) => string.Join(" + ", items.Split(" + ").Select(id => $"{names[id]} ({id})"));
        Assert.Contains(rows, r => r[0] == Shown(best.Antecedent) && r[2] == Shown(best.Consequent)
            && r[3] == best.Support.ToString("P1", English) && r[4] == best.Confidence.ToString("P1", English)
            && r[5] == best.Lift.ToString("N2", English) && r[6] == best.Count.ToString("N0", English));
        await page.ScreenshotAsync("analytics-baskets");

        await page.FillAsync("#basket-country", "XX");
        await page.ClickAsync("#find-rules");
        await Expect(page.Locator("#no-rules")).ToBeVisibleAsync();
        await Expect(page.Locator("#basket-summary")).ToHaveTextAsync("0 rules from 0 baskets, highest lift first.");
    }

    [Fact]
    public async Task Customers_RefreshScores_FollowsTheJobThenShowsTheGridAndSegments()
    {
        var (workspace, email) = await server.CreateTenantAsync("Scores");
        var history = new RetailHistory();
        await history.SeedAsync(server, workspace.Id);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        var best = history.Orders.GroupBy(o => o.UserId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var ct = TestContext.Current.CancellationToken;
        var profileId = (await server.Services.GetRequiredService<ProfileService>().ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, best), ct))!.Value;
        await page.GotoAsync($"/customers/{profileId}");
        await Expect(page.Locator("#customer-scores")).ToContainTextAsync("Not scored yet.");
        await page.OpenAnalyticsAsync("/analytics/customers");
        await Expect(page.Locator("#scores-at")).ToContainTextAsync("Not computed yet");

        await page.ClickAsync("#refresh-scores");

        await Expect(page.Locator("#score-refresh")).ToHaveAttributeAsync("data-state", "Done", new() { Timeout = 60_000 });
        var buyers = history.Orders.Select(o => o.UserId).Distinct().Count();
        await Expect(page.Locator("#scores-at")).ToContainTextAsync($"{buyers} customers scored");
        var cells = await page.EvalOnSelectorAllAsync<int[]>("#rfm-grid td[data-customers]", "cells => cells.map(c => +(c.dataset.customers || 0))");
        Assert.Equal(buyers, cells.Sum());
        var segments = await page.EvalOnSelectorAllAsync<int[]>("#rfm-segments [data-segment]", "rows => rows.map(r => +r.dataset.customers)");
        Assert.Equal(buyers, segments.Sum());

        // Repeat buyers of the month, from the seed: customers with two or more pound orders in it.
        var month = (From: End.AddDays(-29), To: End);
        var repeat = AnalyticsTests.Orders(history, month).GroupBy(o => o.UserId).Count(g => g.Count() > 1);
        await Expect(page.Locator("#repeat-row [data-field=customers]")).ToHaveTextAsync(repeat.ToString("N0", English));
        await page.ClickAsync("#period-12m");
        await Expect(page.Locator("#period-12m")).ToHaveAttributeAsync("aria-checked", "true");
        await page.ClickAsync("#scope-kind .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Customers with a trait')");
        await page.FillAsync("#scope-trait", "country");
        await page.FillAsync("#scope-value", "FR");
        await page.ClickAsync("#scope-apply");
        var french = history.Orders.Where(o => o.Country == "FR" && o.Currency == "GBP" && AnalyticsTests.In(o.Day, (End.AddMonths(-12).AddDays(1), End))).ToList();
        await Expect(page.Locator("#members-table tr[data-field=aov] [data-side=members]"))
            .ToHaveTextAsync((french.Sum(o => o.Total) / french.Count).ToString("N2", English) + " GBP");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync("analytics-customers");

        // The customer page shows the buyer's scores exactly as the refresh stored them.
        var stored = (await server.Services.GetRequiredService<ScoreReader>().ForCustomerAsync(workspace.Id, profileId, ct))!;
        Assert.NotNull(stored.PredictedClv);
        await page.GotoAsync($"/customers/{profileId}");
        var card = page.Locator("#customer-scores");
        await Expect(card.Locator("[data-name=rfm_segment]")).ToHaveAttributeAsync("data-value", RfmSegments.Name(stored.Segment!.Value));
        await Expect(card.Locator("[data-name=rfm_score]")).ToContainTextAsync(stored.Code!);
        await Expect(card.Locator("[data-name=predicted_clv]")).ToContainTextAsync(
            $"{((decimal)stored.PredictedClv.Value).ToString("N2", English)} {stored.Currency}");
        foreach (var (name, value) in new[] { ("predicted_clv", stored.PredictedClv), ("p_alive", stored.ProbabilityAlive), ("churn_risk", stored.ChurnRisk), ("expected_purchases", stored.ExpectedPurchases) })
        {
            await Expect(card.Locator($"[data-name={name}]")).ToHaveAttributeAsync("data-value", value!.Value.ToString("R", CultureInfo.InvariantCulture));
        }

        await Expect(card.Locator("[data-name=p_alive]")).ToContainTextAsync(stored.ProbabilityAlive!.Value.ToString("P1", English));
        await Expect(card).ToContainTextAsync("Computed");
    }
}
