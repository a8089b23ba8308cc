namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Net Promoter Score over a period from 0–10 answers: promoters answered 9–10, passives 7–8, detractors 0–6;
/// <see cref="Score"/> = % promoters − % detractors (−100 to 100), null without answers. <see cref="Low"/> and
/// <see cref="High"/> bound its 95 % confidence interval (normal approximation of the promoter/detractor difference,
/// see docs/analytics.md), wide when answers are few. <see cref="Distribution"/> counts the answers 0 to 10;
/// <see cref="Ignored"/> counts answers whose score was missing or not a whole number from 0 to 10.
/// </summary>
public sealed record NpsResult(
    long Responses,
    long Promoters,
    long Passives,
    long Detractors,
    double? Score,
    double? Low,
    double? High,
    IReadOnlyList<long> Distribution,
    long Ignored)
{
    /// <summary>The score per day (periods up to 92 days) or calendar month, every bucket present.</summary>
    public IReadOnlyList<NpsPoint> Trend { get; init; } = [];

    /// <summary>The score and interval of answers counted by group (0–10 each).</summary>
    public static NpsResult From(IReadOnlyList<long> distribution, long ignored)
    {
        var promoters = distribution[9] + distribution[10];
        var passives = distribution[7] + distribution[8];
        var responses = distribution.Sum();
        var detractors = responses - promoters - passives;
        var (score, low, high) = Interval(promoters, detractors, responses);
        return new NpsResult(responses, promoters, passives, detractors, score, low, high, distribution, ignored);
    }

    /// <summary>
    /// Each answer scores +1 (promoter), 0 or −1 (detractor); NPS is their mean × 100, so its variance is
    /// (p + d − (p − d)²) / n for shares p and d of n answers, and the interval is NPS ± 1.96 standard errors, held
    /// within −100 and 100.
    /// </summary>
    public static (double? Score, double? Low, double? High) Interval(long promoters, long detractors, long responses)
    {
        if (responses == 0)
        {
            return (null, null, null);
        }

        var p = (double)promoters / responses;
        var d = (double)detractors / responses;
        var score = p - d;
        var error = 1.96 * Math.Sqrt(Math.Max(0, p + d - (score * score)) / responses);
        return (score * 100, Math.Max(-1, score - error) * 100, Math.Min(1, score + error) * 100);
    }
}
