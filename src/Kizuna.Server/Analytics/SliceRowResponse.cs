namespace Kizuna.Server.Analytics;

/// <summary>One slice (trait value, age band, product or category; null: unknown) with its revenue, orders and customers.</summary>
public sealed record SliceRowResponse(string? Key, string? Name, decimal Revenue, long Orders, long Customers, decimal AverageOrderValue, decimal Quantity);
