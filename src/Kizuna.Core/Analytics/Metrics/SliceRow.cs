namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Purchases of one slice: <see cref="Key"/> is the trait value, age band, product id or category (null: not
/// known). For products and categories <see cref="Revenue"/> is the value of their lines and <see cref="Orders"/> the
/// orders holding them; for traits and age bands, the orders' net revenue.
/// </summary>
public sealed record SliceRow(string? Key, string? Name, decimal Revenue, long Orders, long Customers, decimal Quantity)
{
    public decimal AverageOrderValue => Orders == 0 ? 0 : Kizuna.Commerce.Money.Round(Revenue / Orders);
}
