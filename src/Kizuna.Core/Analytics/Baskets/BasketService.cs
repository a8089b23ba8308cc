using Kizuna.Analytics.Metrics;
using Kizuna.Storage;

namespace Kizuna.Analytics.Baskets;

/// <summary>
/// Market-basket rules over a period and scope (a country trait, a segment): a basket is an open order (completed
/// or partially refunded) and its items are the product ids of its priced lines (zero-price lines are gifts or
/// adjustments, not a choice); frequent itemsets by <see cref="FpGrowth"/>, then the rules they allow, with the
/// names the lines gave their products (the greatest, where lines spelled one differently). The dashboard's
/// standard views (<see cref="BasketViews"/>) are read as the last scores refresh stored them; any other is mined now.
/// </summary>
public sealed class BasketService(Database database)
{
    private readonly BasketResultStore _stored = new(database);

    /// <summary>The stored result of a standard view for this very period and these settings, or else the rules mined now.</summary>
    public async Task<BasketAnalysis> AnalyseAsync(MetricsQuery query, BasketSettings settings, CancellationToken ct) =>
        BasketViews.IsStored(query.Scope, settings) && await _stored.FindAsync(query.WorkspaceId, query.Period, settings, ct) is { } stored
            ? stored
            : await ComputeAsync(query, settings, ct);

    /// <summary>The rules mined now from the period's orders, whatever is stored.</summary>
    public async Task<BasketAnalysis> ComputeAsync(MetricsQuery query, BasketSettings settings, CancellationToken ct) =>
        (await BasketSet.ReadAsync(database, query, ct)).Analyse(query.Period, settings);
}
