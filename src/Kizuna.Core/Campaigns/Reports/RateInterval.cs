namespace Kizuna.Campaigns.Reports;

/// <summary>A rate (<paramref name="Hits"/> of <paramref name="Of"/>) with its 95% confidence interval (Wilson score).</summary>
public sealed record RateInterval(long Hits, long Of, double Rate, double Low, double High);
