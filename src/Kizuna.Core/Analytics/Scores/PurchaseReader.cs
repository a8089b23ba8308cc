using System.Data.Common;
using Kizuna.Analytics.Predictions;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Reads the orders that count for scores, one pass in customer and time order, folded as they stream. An order
/// counts when it is open (completed or partly refunded: cancelled and wholly refunded orders do not), worth more
/// than nothing after refunds (zero totals are left out), in the customer's main currency (the one of most orders,
/// kept on the profile from <c>profile_spend</c>; orders in other currencies are left out rather than added to
/// it), placed no later than the refresh, and belongs to a live profile (not merged away, not the anonymous
/// profile 0 that erased customers' orders are handed to). Its value is its total net of refunds.
/// </summary>
public sealed class PurchaseReader(Database database)
{
    // Money is numeric on PostgreSQL and ten-thousandths on SQLite: both are read as ten-thousandths.
    internal static string SqlFor(StoreKind kind) => $"""
        SELECT o.profile_id, o.placed_at, {(kind == StoreKind.Postgres ? "CAST((o.total - o.refunded_amount) * 10000 AS bigint)" : "o.total - o.refunded_amount")}, p.currency
        FROM profiles p JOIN orders o ON o.workspace_id = p.workspace_id AND o.profile_id = p.id
        WHERE p.workspace_id = @ws AND p.merged_into IS NULL AND p.id <> 0
            AND o.status IN ('{OrderRules.Completed}', '{OrderRules.PartiallyRefunded}') AND o.total > o.refunded_amount
            AND COALESCE(o.currency, '') = COALESCE(p.currency, '') AND o.placed_at <= @now
        ORDER BY p.id, o.placed_at
        """;

    public async Task<List<CustomerPurchases>> ReadAsync(long workspaceId, DateTimeOffset asOf, CancellationToken ct)
    {
        var summarizer = new PurchaseSummarizer();
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = SqlFor(database.Kind);
        Add(command, "@ws", workspaceId);
        Add(command, "@now", Epoch.ToMs(asOf));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var currencies = new Dictionary<string, string>(StringComparer.Ordinal);
        (long Id, string? Currency) last = (-1, null);
        while (await reader.ReadAsync(ct))
        {
            var profile = reader.GetInt64(0);
            if (profile != last.Id)
            {
                // Read once per customer, and one string per currency rather than one per customer.
                var currency = reader.IsDBNull(3) ? null : reader.GetString(3);
                last = (profile, currency is null ? null : currencies.TryGetValue(currency, out var known) ? known : currencies[currency] = currency);
            }

            summarizer.Add(profile, Epoch.Day(reader.GetInt64(1)), reader.GetInt64(2), last.Currency);
        }

        return summarizer.Complete();
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
