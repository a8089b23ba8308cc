namespace Kizuna.Campaigns;

/// <summary>
/// How variants are tested: <paramref name="TestPercent"/> of the sendable audience gets the variants at their split;
/// the rest waits for the winner by <paramref name="Metric"/>, picked automatically <paramref name="Window"/> after the
/// test starts, or by hand when no window is given. At 100 percent every customer gets a variant and the winner is
/// only reported.
/// </summary>
public sealed record AbTest(WinnerMetric Metric, int TestPercent, TimeSpan? Window);
