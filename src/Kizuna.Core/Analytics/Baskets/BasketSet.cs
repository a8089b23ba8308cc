using Dapper;
using Kizuna.Analytics.Metrics;
using Kizuna.Storage;

namespace Kizuna.Analytics.Baskets;

/// <summary>
/// The baskets of a period read once: each open order's distinct products with the day it was placed and the names
/// its lines gave them, so every period inside the one read is mined from memory (<see cref="Analyse(OverviewPeriod, IReadOnlyList{BasketSettings})"/>) with the
/// same result as a read of that period alone.
/// </summary>
internal sealed class BasketSet
{
    private readonly List<int[]> _items = [];
    private readonly List<int> _days = [];
    private readonly List<(int Item, int Name)[]> _names = [];
    private readonly List<string> _products = [];
    private readonly Dictionary<string, int> _itemOf = new(StringComparer.Ordinal);
    private readonly List<string> _titles = [];

    /// <summary>The baskets of <paramref name="query"/>'s period and scope: a basket is an open order, its items the product ids of its priced lines.</summary>
    public static async Task<BasketSet> ReadAsync(Database database, MetricsQuery query, CancellationToken ct)
    {
        var set = new BasketSet();
        var products = set._itemOf;
        var titles = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(ct);
        var lines = await connection.QueryAsync<(string OrderId, long PlacedAt, string ProductId, string? Name)>(new CommandDefinition(
            $"""
            SELECT o.order_id, o.placed_at, l.product_id, l.name FROM orders o
            JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
            WHERE {OrderSql.Where(query.Scope, database.Dialect, byCurrency: false)}
              AND l.product_id IS NOT NULL AND l.price > 0 AND l.quantity > 0
            ORDER BY o.order_id
            """,
            OrderSql.Parameters(query, null), cancellationToken: ct));
        string? current = null;
        var day = 0;
        var basket = new List<int>();
        var named = new List<(int, int)>();
        foreach (var (orderId, placedAt, productId, name) in lines)
        {
            if (orderId != current && basket.Count > 0)
            {
                set.Add(basket, day, named);
            }

            current = orderId;
            day = Epoch.Day(placedAt);
            if (!products.TryGetValue(productId, out var item))
            {
                products[productId] = item = set._products.Count;
                set._products.Add(productId);
            }

            basket.Add(item);
            if (name is not null)
            {
                if (!titles.TryGetValue(name, out var title))
                {
                    titles[name] = title = set._titles.Count;
                    set._titles.Add(name);
                }

                named.Add((item, title));
            }
        }

        if (basket.Count > 0)
        {
            set.Add(basket, day, named);
        }

        return set;
    }

    /// <summary>
    /// Frequent itemsets by <see cref="FpGrowth"/> over the baskets placed in <paramref name="period"/>, then the rules
    /// they allow, highest lift first; ties are ordered by their products, so the answer does not depend on the read.
    /// </summary>
    public BasketAnalysis Analyse(OverviewPeriod period, BasketSettings settings) => Analyse(period, [settings])[0];

    /// <summary>
    /// The analysis of <paramref name="period"/> at each of <paramref name="settings"/>, mined once: the itemsets at the
    /// lowest support and largest size hold every itemset a higher support or a smaller size keeps, with its count.
    /// </summary>
    public IReadOnlyList<BasketAnalysis> Analyse(OverviewPeriod period, IReadOnlyList<BasketSettings> settings)
    {
        var (first, last) = (Days.Number(period.From), Days.Number(period.To));
        var inPeriod = Enumerable.Range(0, _items.Count).Where(i => _days[i] >= first && _days[i] <= last).ToList();
        var baskets = inPeriod.Select(i => _items[i]).ToList();
        var mined = FpGrowth.Mine(baskets, settings.Min(s => MinCount(s, baskets.Count)), settings.Max(s => s.MaxItems));
        return [.. settings.Select(s => Analysis(period, s, baskets.Count, inPeriod, mined))];
    }

    private static long MinCount(BasketSettings settings, int baskets) => Math.Max(1, (long)Math.Ceiling((settings.MinSupport * baskets) - 1e-9));

    private BasketAnalysis Analysis(
        OverviewPeriod period, BasketSettings settings, int baskets, List<int> inPeriod, Dictionary<string, (int[] Items, long Count)> mined)
    {
        var minCount = MinCount(settings, baskets);
        var itemsets = mined.Where(m => m.Value.Count >= minCount && m.Value.Items.Length <= settings.MaxItems).ToDictionary(StringComparer.Ordinal);
        var rules = BasketRules.From(itemsets, baskets, settings, _products);
        var n = (double)Math.Max(1, baskets);
        var shown = rules.SelectMany(r => r.Antecedent.Concat(r.Consequent)).ToHashSet(StringComparer.Ordinal);
        return new BasketAnalysis(
            period, settings, baskets,
            [.. itemsets.Values.Where(s => s.Items.Length > 1)
                .Select(s => new FrequentItemset(BasketRules.Names(s.Items, _products), s.Count, s.Count / n))
                .OrderByDescending(s => s.Count).ThenBy(s => string.Join(' ', s.Items), StringComparer.Ordinal)],
            [.. rules.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Support)
                .ThenBy(r => string.Join(' ', r.Antecedent), StringComparer.Ordinal).ThenBy(r => string.Join(' ', r.Consequent), StringComparer.Ordinal)
                .Take(settings.MaxRules)])
        {
            TotalRules = rules.Count,
            ProductNames = Titles(inPeriod, shown),
        };
    }

    /// <summary>The greatest name the period's lines gave each product shown (where lines spelled one differently).</summary>
    private Dictionary<string, string> Titles(List<int> inPeriod, HashSet<string> shown)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (shown.Count == 0)
        {
            return titles;
        }

        var items = shown.Select(p => _itemOf[p]).ToHashSet();
        foreach (var (item, name) in inPeriod.SelectMany(i => _names[i]))
        {
            var product = _products[item];
            if (items.Contains(item) && (!titles.TryGetValue(product, out var title) || string.CompareOrdinal(_titles[name], title) > 0))
            {
                titles[product] = _titles[name];
            }
        }

        return titles;
    }

    private void Add(List<int> basket, int day, List<(int, int)> named)
    {
        _items.Add(basket.Count == 1 ? [basket[0]] : [.. basket.Distinct()]);
        _days.Add(day);
        _names.Add(named.Count switch { 0 => [], 1 => [named[0]], _ => [.. named.Distinct()] });
        basket.Clear();
        named.Clear();
    }
}
