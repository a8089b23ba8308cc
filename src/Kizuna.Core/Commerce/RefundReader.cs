using System.Data.Common;
using System.Text.Json;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Commerce;

/// <summary>
/// Reads a profile's refunds and cancellations from its order-change events, matched or not: the events are the
/// record of what the customer was refunded, whereas the orders table only keeps what a refund took off an order.
/// </summary>
internal static class RefundReader
{
    public static async Task<IReadOnlyList<Refund>> ForProfileAsync(DbConnection connection, SqlDialect dialect, long workspaceId, long profileId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(object EventId, string Name, long Ts, string? Properties)>(new CommandDefinition(
            """
            SELECT event_id, name, ts, properties FROM events
            WHERE workspace_id = @workspaceId AND profile_id = @profileId AND type = 'track' AND name IN (@refunded, @cancelled)
            ORDER BY ts DESC, id DESC
            """,
            new { workspaceId, profileId, refunded = CommerceEvents.OrderRefunded, cancelled = CommerceEvents.OrderCancelled }, cancellationToken: ct));
        var refunds = new List<(Guid EventId, OrderEvent Change, string? RefundId, long Ts)>();
        foreach (var row in rows)
        {
            if (row.Properties is null || CommerceEvents.Kind(row.Name) is not { } kind)
            {
                continue;
            }

            using var properties = JsonDocument.Parse(row.Properties);
            // Stored events passed the same parse at ingest; one that no longer does is not a refund to show.
            if (CommerceEvents.Parse(kind, properties.RootElement).Order is { } change)
            {
                refunds.Add((StoredGuid.Read(row.EventId), change, SegmentParser.Text(properties.RootElement, "refund_id"), row.Ts));
            }
        }

        if (refunds.Count == 0)
        {
            return [];
        }

        var orderIds = refunds.Select(r => r.Change.OrderId).Distinct(StringComparer.Ordinal).ToArray();
        var stored = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT order_id FROM orders WHERE workspace_id = @workspaceId AND {dialect.OneOf("order_id", "@orderIds")}",
            new { workspaceId, orderIds }, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        return [.. refunds.Select(r => new Refund(
            r.EventId,
            r.Change.Kind == OrderEventKind.Cancelled ? "cancelled" : "refunded",
            r.Change.OrderId,
            r.RefundId,
            stored.Contains(r.Change.OrderId),
            r.Change.Total is { } total ? (decimal)total : null,
            r.Change.Currency,
            Epoch.FromMs(r.Ts),
            r.Change.Lines))];
    }
}
