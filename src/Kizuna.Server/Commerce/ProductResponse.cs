using Kizuna.Commerce;

namespace Kizuna.Server.Commerce;

/// <summary>A catalogue entry as the admin API returns it.</summary>
public sealed record ProductResponse(
    string ProductId,
    string? Sku,
    string Name,
    string? Category,
    decimal? Price,
    string? Currency,
    string? ImageUrl,
    string? Url)
{
    public static ProductResponse From(Product product) => new(
        product.ProductId, product.Sku, product.Name, product.Category, (decimal?)product.Price, product.Currency, product.ImageUrl, product.Url);
}
