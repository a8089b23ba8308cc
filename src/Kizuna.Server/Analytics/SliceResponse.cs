using Kizuna.Analytics.Metrics;

namespace Kizuna.Server.Analytics;

/// <summary>Purchases split by <c>dimension</c> (trait, age_band, product, category), most revenue first.</summary>
public sealed record SliceResponse(string Dimension, string? Trait, string? Currency, IReadOnlyList<SliceRowResponse> Rows)
{
    public static SliceResponse From(SliceResult s) => new(
        s.Dimension switch
        {
            SliceDimension.AgeBand => "age_band",
            SliceDimension.Product => "product",
            SliceDimension.Category => "category",
            _ => "trait",
        },
        s.Trait, s.Currency,
        [.. s.Rows.Select(r => new SliceRowResponse(r.Key, r.Name, r.Revenue, r.Orders, r.Customers, r.AverageOrderValue, r.Quantity))]);
}
