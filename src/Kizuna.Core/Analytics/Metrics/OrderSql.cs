using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// The orders commerce metrics count, as SQL over <c>orders o</c>: placed in the period, open (completed or
/// partially refunded: a cancelled or wholly refunded order is not a purchase), in the scope. Money is net of
/// refunds. The parameters are bound by <see cref="Parameters"/>.
/// </summary>
internal static class OrderSql
{
    public const string Counted = "o.status IN ('completed', 'partially_refunded')";

    public const string Net = "(o.total - o.refunded_amount)";

    public static string Where(MetricsScope scope, SqlDialect dialect, bool byCurrency = true) =>
        $"""
        o.workspace_id = @workspaceId AND o.placed_at >= @since AND o.placed_at < @until AND {Counted}
        {(byCurrency ? "AND COALESCE(o.currency, '') = @currency" : "")} AND {ScopeSql.Condition(scope, dialect, "o.profile_id")}
        """;

    public static Dictionary<string, object?> Parameters(MetricsQuery query, string? currency)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["workspaceId"] = query.WorkspaceId,
            ["since"] = Epoch.DayStart(Days.Number(query.Period.From)),
            ["until"] = Epoch.DayStart(Days.Number(query.Period.To) + 1),
            ["firstDay"] = Days.Number(query.Period.From),
            ["lastDay"] = Days.Number(query.Period.To),
            ["currency"] = currency ?? "",
        };
        ScopeSql.Bind(query.Scope, parameters);
        return parameters;
    }
}
