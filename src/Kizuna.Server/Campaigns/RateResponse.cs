using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>A rate (hits of a total) with its 95% confidence interval.</summary>
public sealed record RateResponse(long Hits, long Of, double Rate, double Low, double High)
{
    public static RateResponse From(RateInterval r) => new(r.Hits, r.Of, r.Rate, r.Low, r.High);
}
