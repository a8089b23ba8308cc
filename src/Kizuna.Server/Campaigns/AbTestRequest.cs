namespace Kizuna.Server.Campaigns;

/// <summary>
/// An A/B test: <c>metric</c> <c>open_rate</c>, <c>click_rate</c> or <c>conversion_rate</c>; <c>testPercent</c> of the
/// audience gets the variants; with <c>windowHours</c> the winner is picked then and sent to the rest, without it by hand.
/// </summary>
public sealed record AbTestRequest(string? Metric, int? TestPercent = null, double? WindowHours = null);
