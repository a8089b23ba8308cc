namespace Kizuna.Profiles;

/// <summary>
/// The per-profile figures maintained at ingest, so most segment conditions never scan events. Money is kept per
/// currency (<see cref="Spend"/>), never added across currencies; <see cref="TotalSpent"/> is the total in the
/// profile's main <see cref="Currency"/> (the one with most orders, then the latest), which lists sort and show by.
/// </summary>
public sealed record ProfileAggregates(
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Sessions,
    long PageViews,
    long Events,
    long Orders,
    decimal TotalSpent,
    string? Currency,
    DateTimeOffset? FirstOrderAt,
    DateTimeOffset? LastOrderAt)
{
    /// <summary>Spend in every currency the customer ordered in, main currency first (empty where a list did not read it).</summary>
    public IReadOnlyList<CurrencySpend> Spend { get; init; } = [];

    /// <summary>Average order value in the main currency, 0 before the first order.</summary>
    public decimal AverageOrderValue => Spend.FirstOrDefault(s => s.Currency == Currency) is { } main
        ? main.AverageOrderValue
        : Orders > 0 && Spend.Count == 0 ? Math.Round(TotalSpent / Orders, 2, MidpointRounding.AwayFromZero) : 0;
}
