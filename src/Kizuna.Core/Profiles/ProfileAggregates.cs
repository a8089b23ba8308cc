namespace Kizuna.Profiles;

/// <summary>The per-profile figures maintained at ingest, so most segment conditions never scan events.</summary>
public sealed record ProfileAggregates(
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Sessions,
    long PageViews,
    long Events,
    long Orders,
    double TotalSpent,
    DateTimeOffset? FirstOrderAt,
    DateTimeOffset? LastOrderAt)
{
    /// <summary>Average order value: total spent over orders, 0 before the first order.</summary>
    public double AverageOrderValue => Orders > 0 ? Math.Round(TotalSpent / Orders, 2) : 0;
}
