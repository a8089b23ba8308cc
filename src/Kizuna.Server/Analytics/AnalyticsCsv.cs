using System.Globalization;
using CsvHelper;
using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Analytics;

/// <summary>
/// The analytics answers as CSV files: figures with their previous-period value side by side, or one row per
/// bucket, cohort, slice or rule. Numbers and dates invariant; cells a spreadsheet would run as a formula are escaped.
/// </summary>
public static class AnalyticsCsv
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static FileContentHttpResult Commerce(Compared<CommerceMetrics> r) => Figures("commerce", r, m => [
        ("currency", m.Currency), ("revenue", m.Revenue), ("orders", m.Orders), ("customers", m.Customers),
        ("average_order_value", m.AverageOrderValue), ("purchase_frequency", m.PurchaseFrequency),
        ("repeat_purchase_rate", m.RepeatPurchaseRate), ("revenue_per_customer", m.RevenuePerCustomer),
        ("repeat_customers", m.RepeatCustomers), ("mean_days_between_orders", m.MeanDaysBetweenOrders),
        ("repeat_customer_spend", m.RepeatCustomerSpend), ("one_time_customer_spend", m.OneTimeCustomerSpend),
        ("repeat_to_one_time_spend_ratio", m.RepeatToOneTimeSpendRatio),
    ]);

    public static FileContentHttpResult Nps(Compared<NpsResult> r) => Figures("nps", r, n => [
        ("responses", n.Responses), ("promoters", n.Promoters), ("passives", n.Passives), ("detractors", n.Detractors),
        ("nps", n.Score), ("nps_low_95", n.Low), ("nps_high_95", n.High), ("ignored", n.Ignored),
        .. n.Distribution.Select((count, score) => ($"answers_{score}", (object?)count)),
    ]);

    public static FileContentHttpResult Engagement(Compared<EngagementMetrics> r) => Figures("engagement", r, e => [
        ("page_views", e.PageViews), ("sessions", e.Sessions), ("active_customers", e.ActiveCustomers),
        ("buying_customers", e.BuyingCustomers), ("pages_per_session", e.PagesPerSession),
        ("sessions_per_customer", e.SessionsPerCustomer), ("conversion_rate", e.ConversionRate),
        .. new[] { e.Email, e.Sms, e.Push }.SelectMany(c => new (string, object?)[]
        {
            ($"{c.Channel}_sent", c.Sent), ($"{c.Channel}_delivered", c.Delivered), ($"{c.Channel}_opened", c.Opened),
            ($"{c.Channel}_clicked", c.Clicked), ($"{c.Channel}_open_rate", c.OpenRate), ($"{c.Channel}_click_rate", c.ClickRate),
        }),
    ]);

    public static FileContentHttpResult Members(Compared<MembersComparison> r)
    {
        static (string, object?)[] Of(CommerceMetrics m) =>
            [("revenue", m.Revenue), ("orders", m.Orders), ("customers", m.Customers), ("average_order_value", m.AverageOrderValue),
             ("purchase_frequency", m.PurchaseFrequency), ("revenue_per_customer", m.RevenuePerCustomer), ("repeat_purchase_rate", m.RepeatPurchaseRate)];
        var rows = Of(r.Current.Members).Select((f, i) => new[]
        {
            f.Item1, f.Item2, Of(r.Current.NonMembers)[i].Item2, Of(r.Previous.Members)[i].Item2, Of(r.Previous.NonMembers)[i].Item2,
        });
        return Table("members", ["metric", "members", "non_members", "previous_members", "previous_non_members"], rows);
    }

    public static FileContentHttpResult Cohorts(Compared<CohortRetention> r)
    {
        var width = r.Current.Cohorts.Select(c => c.Active.Count).DefaultIfEmpty(0).Max();
        return Table("cohorts", ["cohort", "customers", .. Enumerable.Range(0, width).Select(k => $"month_{k}")],
            r.Current.Cohorts.Select(c => (object?[])[c.Month, c.Customers, .. c.Active.Cast<object?>()]));
    }

    public static FileContentHttpResult Slices(Compared<SliceResult> r)
    {
        var previous = r.Previous.Rows.ToDictionary(p => p.Key ?? "\0", StringComparer.Ordinal);
        return Table("slices", ["key", "name", "revenue", "orders", "customers", "average_order_value", "previous_revenue", "previous_orders"],
            r.Current.Rows.Select(s => (object?[])[s.Key, s.Name, s.Revenue, s.Orders, s.Customers, s.AverageOrderValue,
                previous.GetValueOrDefault(s.Key ?? "\0")?.Revenue ?? 0m, previous.GetValueOrDefault(s.Key ?? "\0")?.Orders ?? 0L]));
    }

    public static FileContentHttpResult Baskets(BasketAnalysis a) =>
        Table("basket-rules", ["antecedent", "consequent", "baskets", "support", "confidence", "lift"],
            a.Rules.Select(r => (object?[])[string.Join(' ', r.Antecedent), string.Join(' ', r.Consequent), r.Count, r.Support, r.Confidence, r.Lift]));

    private static FileContentHttpResult Figures<T>(string name, Compared<T> r, Func<T, (string Metric, object? Value)[]> figures)
    {
        var previous = figures(r.Previous);
        return Table(name, ["metric", "current", "previous", "period", "previous_period"],
            figures(r.Current).Select((f, i) => (object?[])[f.Metric, f.Value, previous[i].Value, Period(r.Period), Period(r.PreviousPeriod)]));
    }

    private static string Period(Kizuna.Analytics.OverviewPeriod p) => $"{Cell(p.From)}/{Cell(p.To)}";

    private static FileContentHttpResult Table(string name, string[] header, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Cell(cell));
                }

                csv.EndRecord();
            }
        }

        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", $"{name}.csv");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
