namespace Kizuna.Server.Profiles;

/// <summary>A product returned in a refund: its unit price and the quantity returned.</summary>
public sealed record RefundLineResponse(string? ProductId, string? Sku, string? Name, string? Category, decimal Price, decimal Quantity);
