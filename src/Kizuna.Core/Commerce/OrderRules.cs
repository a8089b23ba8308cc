namespace Kizuna.Commerce;

/// <summary>
/// How order events change a stored order and the spend of the customer who placed it. A completed order counts
/// its total once (a repeated order id changes nothing); a refund takes back at most what is left and closes the
/// order when nothing is; a cancellation takes back all that is left; a closed order takes no further changes.
/// </summary>
public static class OrderRules
{
    public const string Completed = "completed";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Refunded = "refunded";
    public const string Cancelled = "cancelled";

    /// <summary>What an order still counts for in its customer's spend.</summary>
    public static decimal Net(string status, decimal total, decimal refunded) =>
        status == Cancelled ? 0 : Math.Max(0, total - refunded);

    /// <summary>Whether the order still counts as an order of its customer (it is not cancelled or wholly refunded).</summary>
    public static bool IsOpen(string status) => status is not (Cancelled or Refunded);

    /// <summary>The change a refund or cancellation makes to a stored order, or null when the order is already closed.</summary>
    public static OrderChange? Apply(StoredOrder order, OrderEvent change)
    {
        if (!IsOpen(order.Status) || change.Kind == OrderEventKind.Completed)
        {
            return null;
        }

        var remaining = Math.Max(0, order.Total - order.Refunded);
        var cancel = change.Kind == OrderEventKind.Cancelled;
        var refund = cancel ? remaining : Math.Min(remaining, change.Total ?? remaining);
        var closed = cancel || refund >= remaining;
        var status = cancel ? Cancelled : closed ? Refunded : PartiallyRefunded;
        return new OrderChange(order with { Status = status, Refunded = order.Refunded + refund }, refund, closed);
    }
}
