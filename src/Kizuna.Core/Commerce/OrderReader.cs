using System.Data.Common;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Commerce;

/// <summary>Reads orders with their lines.</summary>
internal static class OrderReader
{
    public static async Task<IReadOnlyList<Order>> ForProfileAsync(DbConnection connection, SqlDialect dialect, long workspaceId, long profileId, CancellationToken ct, int? limit = null)
    {
        // Newest first. SQLite, with no statistics to go by, would walk the whole workspace's orders newest first
        // (orders_placed) to find this customer's; placed_at kept off the indexes holds it on the customer's, sorting their few.
        var newest = $"{dialect.NoIndex("placed_at")} DESC, order_id DESC" + (limit is null ? "" : " LIMIT @limit");
        var orders = (await connection.QueryAsync<OrderRow>(new CommandDefinition(
            $"""
            SELECT order_id AS orderId, profile_id AS profileId, status, currency, total, refunded_amount AS refundedAmount,
                   discount, shipping, tax, coupon, placed_at AS placedAt
            FROM orders WHERE workspace_id = @workspaceId AND profile_id = @profileId ORDER BY {newest}
            """,
            new { workspaceId, profileId, limit }, cancellationToken: ct))).ToList();
        if (orders.Count == 0)
        {
            return [];
        }

        // The lines looked up by the orders' keys (joined the other way round, SQLite read every line of the workspace).
        var lines = (await connection.QueryAsync<LineRow>(new CommandDefinition(
            $"""
            SELECT order_id AS orderId, product_id AS productId, sku, name, category, price, quantity
            FROM order_lines
            WHERE workspace_id = @workspaceId
              AND order_id IN (SELECT order_id FROM orders WHERE workspace_id = @workspaceId AND profile_id = @profileId ORDER BY {newest})
            ORDER BY order_id, line_no
            """,
            new { workspaceId, profileId, limit }, cancellationToken: ct))).ToLookup(l => l.OrderId, StringComparer.Ordinal);
        decimal Amount(decimal stored) => Money.FromStored(stored, dialect.Kind);
        return [.. orders.Select(o => new Order(
            o.OrderId, o.ProfileId, o.Status, o.Currency, Amount(o.Total), Amount(o.RefundedAmount), Amount(o.Discount), Amount(o.Shipping), Amount(o.Tax), o.Coupon,
            Epoch.FromMs(o.PlacedAt),
            [.. lines[o.OrderId].Select(l => new OrderLine(l.ProductId, l.Sku, l.Name, l.Category, Amount(l.Price), Money.Round(l.Quantity)))]))];
    }

    private sealed record OrderRow
    {
        public string OrderId { get; init; } = "";

        public long ProfileId { get; init; }

        public string Status { get; init; } = "";

        public string? Currency { get; init; }

        public decimal Total { get; init; }

        public decimal RefundedAmount { get; init; }

        public decimal Discount { get; init; }

        public decimal Shipping { get; init; }

        public decimal Tax { get; init; }

        public string? Coupon { get; init; }

        public long PlacedAt { get; init; }
    }

    private sealed record LineRow
    {
        public string OrderId { get; init; } = "";

        public string? ProductId { get; init; }

        public string? Sku { get; init; }

        public string? Name { get; init; }

        public string? Category { get; init; }

        public decimal Price { get; init; }

        public decimal Quantity { get; init; }
    }
}
