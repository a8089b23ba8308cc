namespace Kizuna.Analytics.Baskets;

/// <summary>
/// How market-basket rules are mined: an itemset is frequent when at least <see cref="MinSupport"/> of the baskets
/// hold it; a rule is kept when its confidence and lift reach <see cref="MinConfidence"/> and <see cref="MinLift"/>.
/// <see cref="MaxItems"/> bounds the itemset size, <see cref="MaxRules"/> the rules returned (highest lift first).
/// </summary>
public sealed record BasketSettings(double MinSupport = 0.01, double MinConfidence = 0, double MinLift = 1, int MaxItems = 4, int MaxRules = 500)
{
    public const int MaxItemsLimit = 10;

    public const int MaxRulesLimit = 10_000;

    /// <summary>The field and the reason of the first setting out of range, or null when all are valid.</summary>
    public (string Field, string Reason)? Problem() => this switch
    {
        { MinSupport: not (> 0 and <= 1) } => ("minSupport", "must be greater than 0 and at most 1"),
        { MinConfidence: not (>= 0 and <= 1) } => ("minConfidence", "must be from 0 to 1"),
        { MinLift: < 0 } or { MinLift: double.NaN or double.PositiveInfinity } => ("minLift", "must be 0 or more"),
        { MaxItems: < 2 or > MaxItemsLimit } => ("maxItems", $"must be from 2 to {MaxItemsLimit}"),
        { MaxRules: < 1 or > MaxRulesLimit } => ("maxRules", $"must be from 1 to {MaxRulesLimit}"),
        _ => null,
    };
}
