namespace Kizuna.Segments.Evaluation;

public sealed record OrderLineFacts(string? ProductId, string? Sku, string? Category);
