using Kizuna.Analytics.Metrics;

namespace Kizuna.Server.Analytics;

/// <summary>
/// Net Promoter Score (−100 to 100, null without answers) with its 95 % interval (<c>low</c>, <c>high</c>), the
/// answers per score 0–10 (<c>distribution</c>) and the score per day or month (<c>trend</c>).
/// </summary>
public sealed record NpsResponse(
    long Responses, long Promoters, long Passives, long Detractors, double? Score, double? Low, double? High,
    IReadOnlyList<long> Distribution, long Ignored, IReadOnlyList<NpsPointResponse> Trend)
{
    public static NpsResponse From(NpsResult n) => new(
        n.Responses, n.Promoters, n.Passives, n.Detractors, n.Score, n.Low, n.High, n.Distribution, n.Ignored,
        [.. n.Trend.Select(p => new NpsPointResponse(p.Start, p.Responses, p.Score))]);
}
