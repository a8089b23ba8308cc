using Kizuna.Analytics.Metrics;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.OnlineRetail;

/// <summary>The metrics of the imported Online Retail history against <see cref="RetailReference"/>, computed from the raw file.</summary>
[Collection(OnlineRetailCollection.Name)]
public sealed class OnlineRetailMetricsTests(OnlineRetailFixture retail)
{
    private static readonly OverviewPeriod Year = new(new DateOnly(2010, 12, 1), new DateOnly(2011, 12, 9));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string From, string To, string? Country)[] PeriodList =
    [
        ("2010-12-01", "2011-12-09", null),
        ("2011-06-01", "2011-08-31", null),
        ("2011-03-27", "2011-03-27", null),   // the day UK clocks go forward
        ("2011-01-01", "2011-12-09", "France"),
        ("2011-09-01", "2011-11-30", "United Kingdom"),
    ];

    public static TheoryData<string, string, string, string?> Periods
    {
        get
        {
            var data = new TheoryData<string, string, string, string?>();
            foreach (var engine in new[] { "sqlite", "postgres" })
            {
                foreach (var (from, to, country) in PeriodList)
                {
                    data.Add(engine, from, to, country);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task CommerceAsync_OnlineRetail_EqualsTheComputationOverTheFile(string engine, string from, string to, string? country)
    {
        var host = await retail.HostAsync(engine);
        var period = new OverviewPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var scope = country is null ? MetricsScope.Workspace : MetricsScope.Trait("country", country);

        var result = await host.Get<MetricsService>().CommerceAsync(new MetricsQuery(host.Workspace.Id, period, scope), Ct);

        AssertEqual(Expected(period, country, excluded: false), result.Current);
        AssertEqual(Expected(period.Before(), country, excluded: false), result.Previous);
        Assert.Equal("GBP", result.Current.Currency);
        Assert.Equal(result.Current.Revenue, result.Current.Trend.Sum(p => p.Revenue));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MembersAsync_UnitedKingdom_SplitsEveryOrderBetweenMembersAndTheRest(string engine)
    {
        var host = await retail.HostAsync(engine);
        var query = new MetricsQuery(host.Workspace.Id, Year, MetricsScope.Trait("country", "United Kingdom"));

        var result = await host.Get<MetricsService>().MembersAsync(query, Ct);

        AssertEqual(Expected(Year, "United Kingdom", excluded: false), result.Current.Members);
        AssertEqual(Expected(Year, "United Kingdom", excluded: true), result.Current.NonMembers);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CohortsAsync_FirstOrderMonths_EqualTheFile(string engine)
    {
        var host = await retail.HostAsync(engine);
        var result = await host.Get<MetricsService>().CohortsAsync(new MetricsQuery(host.Workspace.Id, Year, MetricsScope.Workspace), Ct);

        var counted = retail.Reference.Orders.Where(o => o.Counted).ToList();
        var firsts = counted.GroupBy(o => o.Customer).ToDictionary(g => g.Key, g => Month(g.Min(o => o.PlacedAt)));
        var expected = counted
            .GroupBy(o => (Cohort: firsts[o.Customer], Month: Month(o.PlacedAt)))
            .ToDictionary(g => g.Key, g => g.Select(o => o.Customer).Distinct().LongCount());
        Assert.Equal(firsts.Values.Distinct().Order(), result.Current.Cohorts.Select(c => c.Month));
        foreach (var cohort in result.Current.Cohorts)
        {
            for (var k = 0; k < cohort.Active.Count; k++)
            {
                Assert.Equal(expected.GetValueOrDefault((cohort.Month, cohort.Month.AddMonths(k))), cohort.Active[k]);
            }
        }

        Assert.Equal(firsts.Count, result.Current.Cohorts.Sum(c => c.Customers));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SlicesAsync_ByCountryAndProduct_EqualTheFile(string engine)
    {
        var host = await retail.HostAsync(engine);
        var query = new MetricsQuery(host.Workspace.Id, Year, MetricsScope.Workspace);
        var counted = retail.Reference.Orders.Where(o => o.Counted && Year.Contains(o.Day)).ToList();

        var countries = await host.Get<MetricsService>().SlicesAsync(query, SliceDimension.Trait, "country", Ct);
        var products = await host.Get<MetricsService>().SlicesAsync(query, SliceDimension.Product, null, Ct);

        var byCountry = counted.GroupBy(o => retail.Reference.CountryOf[o.Customer]).ToDictionary(g => g.Key, g => (g.Sum(o => o.Net), g.LongCount()));
        Assert.Equal(byCountry.Count, countries.Current.Rows.Count);
        Assert.All(countries.Current.Rows, r => Assert.Equal(byCountry[r.Key!], (r.Revenue, r.Orders)));
        var byProduct = counted.SelectMany(o => o.Lines.Select(l => (o.Id, l.Product, Amount: l.Price * l.Quantity)))
            .GroupBy(l => l.Product).ToDictionary(g => g.Key, g => (g.Sum(l => l.Amount), g.Select(l => l.Id).Distinct().LongCount()));
        Assert.Equal(SliceReader.MaxRows, products.Current.Rows.Count);
        Assert.Equal(byProduct.OrderByDescending(p => p.Value.Item1).First().Key, products.Current.Rows[0].Key);
        Assert.All(products.Current.Rows, r => Assert.Equal(byProduct[r.Key!], (r.Revenue, r.Orders)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PeriodAsync_AllTime_SpansTheImportedHistory(string engine)
    {
        var host = await retail.HostAsync(engine);
        var period = await host.Get<MetricsService>().PeriodAsync(host.Workspace.Id, OverviewPreset.AllTime, null, Ct);

        Assert.Equal(Year, period);
    }

    private CommerceMetrics Expected(OverviewPeriod period, string? country, bool excluded)
    {
        var orders = retail.Reference.Orders
            .Where(o => o.Counted && period.Contains(o.Day))
            .Where(o => country is null || (retail.Reference.CountryOf[o.Customer] == country) != excluded)
            .ToList();
        var customers = orders.GroupBy(o => o.Customer)
            .Select(g => (Orders: (long)g.Count(), Spend: g.Sum(o => o.Net), Span: (g.Max(o => o.PlacedAt) - g.Min(o => o.PlacedAt)).TotalDays))
            .ToList();
        var repeaters = customers.Where(c => c.Orders > 1).ToList();
        var oneTimers = customers.Where(c => c.Orders == 1).ToList();
        var revenue = orders.Sum(o => o.Net);
        decimal Average(decimal sum, int count) => count == 0 ? 0 : Money.Round(sum / count);
        var repeatSpend = Average(repeaters.Sum(c => c.Spend), repeaters.Count);
        var oneTimeSpend = Average(oneTimers.Sum(c => c.Spend), oneTimers.Count);
        return new CommerceMetrics(
            "GBP", revenue, orders.Count, customers.Count, Average(revenue, orders.Count),
            customers.Count == 0 ? 0 : (double)orders.Count / customers.Count,
            customers.Count == 0 ? 0 : (double)repeaters.Count / customers.Count,
            Average(revenue, customers.Count), repeaters.Count,
            repeaters.Count == 0 ? null : repeaters.Sum(c => c.Span) / repeaters.Sum(c => c.Orders - 1),
            repeatSpend, oneTimeSpend,
            repeaters.Count == 0 || oneTimers.Count == 0 || oneTimeSpend == 0 ? null : (double)(repeatSpend / oneTimeSpend));
    }

    private static void AssertEqual(CommerceMetrics expected, CommerceMetrics actual)
    {
        Assert.Equal(
            (expected.Revenue, expected.Orders, expected.Customers, expected.AverageOrderValue, expected.RevenuePerCustomer, expected.RepeatCustomers,
             expected.RepeatCustomerSpend, expected.OneTimeCustomerSpend),
            (actual.Revenue, actual.Orders, actual.Customers, actual.AverageOrderValue, actual.RevenuePerCustomer, actual.RepeatCustomers,
             actual.RepeatCustomerSpend, actual.OneTimeCustomerSpend));
        Assert.Equal(expected.PurchaseFrequency, actual.PurchaseFrequency, 12);
        Assert.Equal(expected.RepeatPurchaseRate, actual.RepeatPurchaseRate, 12);
        Assert.Equal(expected.MeanDaysBetweenOrders ?? -1, actual.MeanDaysBetweenOrders ?? -1, 9);
        Assert.Equal(expected.RepeatToOneTimeSpendRatio ?? -1, actual.RepeatToOneTimeSpendRatio ?? -1, 9);
    }

    private static DateOnly Month(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);
}
