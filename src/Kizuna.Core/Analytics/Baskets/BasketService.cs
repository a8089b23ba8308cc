using Dapper;
using Kizuna.Analytics.Metrics;
using Kizuna.Storage;

namespace Kizuna.Analytics.Baskets;

/// <summary>
/// Market-basket rules over a period and scope (a country trait, a segment): a basket is an open order (completed
/// or partially refunded) and its items are the product ids of its priced lines (zero-price lines are gifts or
/// adjustments, not a choice); frequent itemsets by <see cref="FpGrowth"/>, then the rules they allow, with the
/// names the lines gave their products (the greatest, where lines spelled one differently).
/// </summary>
public sealed class BasketService(Database database)
{
    public async Task<BasketAnalysis> AnalyseAsync(MetricsQuery query, BasketSettings settings, CancellationToken ct)
    {
        var products = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var baskets = new List<int[]>();
        await using (var connection = await database.OpenAsync(ct))
        {
            var lines = await connection.QueryAsync<(string OrderId, string ProductId, string? Name)>(new CommandDefinition(
                $"""
                SELECT o.order_id, l.product_id, l.name FROM orders o
                JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
                WHERE {OrderSql.Where(query.Scope, database.Dialect, byCurrency: false)}
                  AND l.product_id IS NOT NULL AND l.price > 0 AND l.quantity > 0
                ORDER BY o.order_id
                """,
                OrderSql.Parameters(query, null), cancellationToken: ct));
            string? current = null;
            var basket = new List<int>();
            foreach (var (orderId, productId, name) in lines)
            {
                if (name is not null && (!titles.TryGetValue(productId, out var title) || string.CompareOrdinal(name, title) > 0))
                {
                    titles[productId] = name;
                }

                if (orderId != current && basket.Count > 0)
                {
                    baskets.Add([.. basket.Distinct()]);
                    basket.Clear();
                }

                current = orderId;
                if (!products.TryGetValue(productId, out var item))
                {
                    products[productId] = item = names.Count;
                    names.Add(productId);
                }

                basket.Add(item);
            }

            if (basket.Count > 0)
            {
                baskets.Add([.. basket.Distinct()]);
            }
        }

        var minCount = (long)Math.Ceiling((settings.MinSupport * baskets.Count) - 1e-9);
        var itemsets = FpGrowth.Mine(baskets, Math.Max(1, minCount), settings.MaxItems);
        var rules = BasketRules.From(itemsets, baskets.Count, settings, names);
        var n = (double)Math.Max(1, baskets.Count);
        var shown = rules.SelectMany(r => r.Antecedent.Concat(r.Consequent)).ToHashSet(StringComparer.Ordinal);
        return new BasketAnalysis(
            query.Period, settings, baskets.Count,
            [.. itemsets.Values.Where(s => s.Items.Length > 1).OrderByDescending(s => s.Count)
                .Select(s => new FrequentItemset(BasketRules.Names(s.Items, names), s.Count, s.Count / n))],
            [.. rules.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Support).Take(settings.MaxRules)])
        {
            TotalRules = rules.Count,
            ProductNames = titles.Where(t => shown.Contains(t.Key)).ToDictionary(StringComparer.Ordinal),
        };
    }
}
