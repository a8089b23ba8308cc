namespace Kizuna.Commerce;

/// <summary>One product on an order.</summary>
public sealed record OrderLine(string? ProductId, string? Sku, string? Name, string? Category, decimal Price, decimal Quantity);
