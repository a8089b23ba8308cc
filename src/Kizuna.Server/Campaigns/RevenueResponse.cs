using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>An amount in one currency (null when the events named none).</summary>
public sealed record RevenueResponse(string? Currency, decimal Amount)
{
    public static IReadOnlyList<RevenueResponse> From(IReadOnlyList<RevenueAmount> amounts) => [.. amounts.Select(a => new RevenueResponse(a.Currency, a.Amount))];
}
