using System.Data.Common;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Commerce;

/// <summary>Reads orders with their lines.</summary>
internal static class OrderReader
{
    public static async Task<IReadOnlyList<Order>> ForProfileAsync(DbConnection connection, StoreKind kind, long workspaceId, long profileId, CancellationToken ct, int? limit = null)
    {
        var orders = (await connection.QueryAsync<OrderRow>(new CommandDefinition(
            """
            SELECT order_id AS orderId, profile_id AS profileId, status, currency, total, refunded_amount AS refundedAmount,
                   discount, shipping, tax, coupon, placed_at AS placedAt
            FROM orders WHERE workspace_id = @workspaceId AND profile_id = @profileId ORDER BY placed_at DESC, order_id DESC
            """ + (limit is null ? "" : " LIMIT @limit"),
            new { workspaceId, profileId, limit }, cancellationToken: ct))).ToList();
        if (orders.Count == 0)
        {
            return [];
        }

        var lines = (await connection.QueryAsync<LineRow>(new CommandDefinition(
            """
            SELECT l.order_id AS orderId, l.product_id AS productId, l.sku, l.name, l.category, l.price, l.quantity
            FROM order_lines l JOIN orders o ON o.workspace_id = l.workspace_id AND o.order_id = l.order_id
            WHERE o.workspace_id = @workspaceId AND o.profile_id = @profileId
            """ + (limit is null ? "" : " AND l.order_id IN (SELECT order_id FROM orders WHERE workspace_id = @workspaceId AND profile_id = @profileId ORDER BY placed_at DESC, order_id DESC LIMIT @limit)")
                + " ORDER BY l.order_id, l.line_no",
            new { workspaceId, profileId, limit }, cancellationToken: ct))).ToLookup(l => l.OrderId, StringComparer.Ordinal);
        decimal Amount(decimal stored) => Money.FromStored(stored, kind);
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
