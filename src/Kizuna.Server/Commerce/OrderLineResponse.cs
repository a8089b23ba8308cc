using Kizuna.Commerce;

namespace Kizuna.Server.Commerce;

/// <summary>One line of an order: the product as it was sold, its unit price and quantity.</summary>
public sealed record OrderLineResponse(string? ProductId, string? Sku, string? Name, string? Category, decimal Price, decimal Quantity)
{
    public static OrderLineResponse From(OrderLine line) =>
        new(line.ProductId, line.Sku, line.Name, line.Category, line.Price, line.Quantity);
}
