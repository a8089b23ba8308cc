namespace Kizuna.Campaigns.Reports;

/// <summary>Revenue in one currency (null: the events named none); sums never mix currencies.</summary>
public sealed record RevenueAmount(string? Currency, decimal Amount);
