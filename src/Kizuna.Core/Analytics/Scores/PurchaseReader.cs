using System.Data.Common;
using Kizuna.Analytics.Predictions;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Reads what the scores count of every customer. An order counts when it is open (completed or partly refunded:
/// cancelled and wholly refunded orders do not), worth more than nothing after refunds (zero totals are left out), in
/// the customer's main currency (the one of most orders, kept on the profile from <c>profile_spend</c>; orders in
/// other currencies are left out rather than added to it), placed no later than the refresh, and belongs to a live
/// profile (not merged away, not the anonymous profile 0 that erased customers' orders are handed to). Its value is
/// its total net of refunds. The customers come from <c>customer_purchases</c>, which the orders' triggers keep per
/// customer and currency, one row each instead of every order; only a customer with an order placed after the
/// refresh's time (a clock ahead, a future date in an import) has their orders read and folded here.
/// </summary>
public sealed class PurchaseReader(Database database)
{
    // Money is numeric on PostgreSQL and ten-thousandths on SQLite: both are read as ten-thousandths.
    private static string Units(StoreKind kind, string amount) => kind == StoreKind.Postgres ? $"CAST(({amount}) * 10000 AS bigint)" : amount;

    internal static string SummarySqlFor(StoreKind kind) => $"""
        SELECT s.profile_id, s.orders, s.purchase_days, s.first_day, s.last_day, {Units(kind, "s.net")}, {Units(kind, "s.first_day_net")}, p.currency, s.last_at
        FROM customer_purchases s JOIN profiles p ON p.workspace_id = s.workspace_id AND p.id = s.profile_id
        WHERE s.workspace_id = @ws AND p.merged_into IS NULL AND s.profile_id <> 0 AND s.currency = COALESCE(p.currency, '')
        ORDER BY s.profile_id
        """;

    internal static string SqlFor(StoreKind kind, string? profiles = null) => $"""
        SELECT o.profile_id, o.placed_at, {Units(kind, "o.total - o.refunded_amount")}, p.currency
        FROM profiles p JOIN orders o ON o.workspace_id = p.workspace_id AND o.profile_id = p.id
        WHERE p.workspace_id = @ws AND p.merged_into IS NULL AND p.id <> 0
            AND o.status IN ('{OrderRules.Completed}', '{OrderRules.PartiallyRefunded}') AND o.total > o.refunded_amount
            AND COALESCE(o.currency, '') = COALESCE(p.currency, '') AND o.placed_at <= @now{(profiles is null ? "" : " AND " + profiles)}
        ORDER BY p.id, o.placed_at
        """;

    public async Task<List<CustomerPurchases>> ReadAsync(long workspaceId, DateTimeOffset asOf, CancellationToken ct)
    {
        var now = Epoch.ToMs(asOf);
        var customers = new List<CustomerPurchases>();
        var late = new List<long>();
        await using var connection = await database.OpenAsync(ct);
        await using (var command = Command(connection, SummarySqlFor(database.Kind), workspaceId, null))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var currencies = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetInt64(8) > now)
                {
                    late.Add(reader.GetInt64(0));
                    continue;
                }

                // One string per currency rather than one per customer.
                var currency = reader.IsDBNull(7) ? null : reader.GetString(7);
                currency = currency is null ? null : currencies.TryGetValue(currency, out var known) ? known : currencies[currency] = currency;
                customers.Add(new CustomerPurchases(reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
                    (int)reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), currency));
            }
        }

        if (late.Count > 0)
        {
            customers.AddRange(await ReadOrdersAsync(connection, workspaceId, now, late, ct));
            customers.Sort((a, b) => a.ProfileId.CompareTo(b.ProfileId));
        }

        return customers;
    }

    /// <summary>The customers' counted orders placed up to <paramref name="now"/>, folded in one pass by customer and time.</summary>
    private async Task<List<CustomerPurchases>> ReadOrdersAsync(DbConnection connection, long workspaceId, long now, List<long> profiles, CancellationToken ct)
    {
        var summarizer = new PurchaseSummarizer();
        await using var command = Command(connection, SqlFor(database.Kind, database.Dialect.InIds("p.id", "@ids")), workspaceId, now);
        var ids = command.CreateParameter();
        ids.ParameterName = "@ids";
        ids.Value = database.Dialect.Ids(profiles);
        command.Parameters.Add(ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            summarizer.Add(reader.GetInt64(0), Epoch.Day(reader.GetInt64(1)), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return summarizer.Complete();
    }

    private static DbCommand Command(DbConnection connection, string sql, long workspaceId, long? now)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in now is { } at ? new[] { ("@ws", workspaceId), ("@now", at) } : [("@ws", workspaceId)])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
