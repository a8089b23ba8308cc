using System.Data.Common;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuna.Commerce;

/// <summary>
/// Writes one ingestion transaction's order events by <see cref="OrderRules"/>: new orders with their lines (an order
/// id seen before changes nothing), then refunds and cancellations of stored orders. Returns what they did to each
/// customer's spend, per currency, for the batch writer to fold into the profiles.
/// </summary>
internal sealed class OrderLedger(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
{
    public async Task<List<SpendChange>> WriteAsync(IReadOnlyList<PendingOrder> orders, CancellationToken ct)
    {
        var changes = await WriteCompletedAsync(orders, ct);
        changes.AddRange(await ApplyChangesAsync(orders, ct));
        return changes;
    }

    private async Task<List<SpendChange>> WriteCompletedAsync(IReadOnlyList<PendingOrder> orders, CancellationToken ct)
    {
        var completed = orders.Where(o => o.Order.Kind == OrderEventKind.Completed).DistinctBy(o => (o.WorkspaceId, o.Order.OrderId)).ToList();
        if (completed.Count == 0)
        {
            return [];
        }

        if (connection is not SqliteConnection)
        {
            // Rows in key order, so two nodes lock them in the same order (see BatchWriter.Flush).
            completed = [.. completed.OrderBy(o => o.WorkspaceId).ThenBy(o => o.Order.OrderId, StringComparer.Ordinal)];
        }

        var kind = dialect.Kind;
        var inserted = await BulkSql.InsertNewAsync(connection, transaction, dialect,
            """
            INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, discount, shipping, tax,
                coupon, placed_at, updated_at)
            """,
            ["workspace_id", "order_id"],
            [.. completed.Select(o => new object?[]
            {
                o.WorkspaceId, o.Order.OrderId, o.ProfileId, OrderRules.Completed, o.Order.Currency, Money.ToStored(o.Order.Total ?? 0, kind),
                Money.ToStored(0, kind), Money.ToStored(o.Order.Discount, kind), Money.ToStored(o.Order.Shipping, kind),
                Money.ToStored(o.Order.Tax, kind), o.Order.Coupon, o.Ts, o.Ts,
            })], ct);

        var fresh = inserted.Select(i => completed[i]).ToList();
        await BulkSql.InsertAsync<int>(connection, transaction, dialect,
            "INSERT INTO order_lines (workspace_id, order_id, line_no, product_id, sku, name, category, price, quantity)",
            [.. fresh.SelectMany(o => o.Order.Lines.Select((l, i) => new object?[]
            {
                o.WorkspaceId, o.Order.OrderId, i + 1, l.ProductId, l.Sku, l.Name, l.Category, Money.ToStored(l.Price, kind), (double)l.Quantity,
            }))],
            "", null, null, ct);
        return [.. fresh.Select(o => new SpendChange(o.WorkspaceId, o.ProfileId, o.Order.Currency, o.Order.Total ?? 0, 1, o.Ts))];
    }

    /// <summary>Refunds and cancellations adjust the order and the spend of the profile that placed it.</summary>
    private async Task<List<SpendChange>> ApplyChangesAsync(IReadOnlyList<PendingOrder> orders, CancellationToken ct)
    {
        var changes = new List<SpendChange>();
        foreach (var group in orders.Where(o => o.Order.Kind != OrderEventKind.Completed).GroupBy(o => o.WorkspaceId))
        {
            var stored = new Dictionary<string, StoredOrder>(StringComparer.Ordinal);
            await BulkSql.ForEachInAsync(connection, transaction,
                "SELECT order_id, profile_id, currency, status, total, refunded_amount FROM orders WHERE workspace_id = @ws AND order_id IN ({in})",
                [.. group.Select(o => o.Order.OrderId).Distinct(StringComparer.Ordinal)], group.Key,
                r => stored[r.GetString(0)] = new StoredOrder(
                    r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetMoney(4, dialect.Kind), r.GetMoney(5, dialect.Kind)), ct);
            foreach (var pending in group)
            {
                if (!stored.TryGetValue(pending.Order.OrderId, out var order) || OrderRules.Apply(order, pending.Order) is not { } change)
                {
                    continue;
                }

                stored[order.OrderId] = change.Order;
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE orders SET status = @status, refunded_amount = @refunded, updated_at = @ts WHERE workspace_id = @ws AND order_id = @orderId";
                Add(command, "@status", change.Order.Status);
                Add(command, "@refunded", Money.ToStored(change.Order.Refunded, dialect.Kind));
                Add(command, "@ts", pending.Ts);
                Add(command, "@ws", pending.WorkspaceId);
                Add(command, "@orderId", order.OrderId);
                await command.ExecuteNonQueryAsync(ct);
                changes.Add(new SpendChange(pending.WorkspaceId, order.ProfileId, order.Currency, -change.Refund, change.Closed ? -1 : 0, null));
            }
        }

        return changes;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
