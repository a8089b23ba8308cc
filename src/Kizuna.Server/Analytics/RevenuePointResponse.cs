namespace Kizuna.Server.Analytics;

/// <summary>Net revenue and orders of the day or month starting on <c>start</c>.</summary>
public sealed record RevenuePointResponse(DateOnly Start, decimal Revenue, long Orders);
