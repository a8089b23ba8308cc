namespace Kizuna.Commerce;

/// <summary>A catalogue entry, upserted by the API or an import and referenced by order lines and recommendations.</summary>
public sealed record Product(
    string ProductId,
    string? Sku,
    string Name,
    string? Category,
    decimal? Price,
    string? Currency,
    string? ImageUrl,
    string? Url);
