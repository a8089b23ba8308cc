namespace Kizuna.Analytics.OnlineRetail;

/// <summary>An invoice of the Online Retail file as the reference computation sees it after the cleaning rules.</summary>
internal sealed class RetailOrder(string id, string customer, DateTimeOffset placedAt)
{
    public string Id { get; } = id;

    public string Customer { get; } = customer;

    public DateTimeOffset PlacedAt { get; } = placedAt;

    public List<(string Product, decimal Price, decimal Quantity)> Lines { get; } = [];

    public decimal Total { get; set; }

    public decimal Refunded { get; set; }

    /// <summary>completed, partially_refunded or refunded, by the ledger's rule: a refund takes at most what is left.</summary>
    public string Status { get; set; } = "completed";

    public bool Counted => Status is "completed" or "partially_refunded";

    public decimal Net => Total - Refunded;

    public DateOnly Day => DateOnly.FromDateTime(PlacedAt.UtcDateTime);
}
