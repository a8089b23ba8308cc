namespace Kizuna.Campaigns;

/// <summary>The rate an A/B test is decided by: unique opens, unique clicks or conversions per message sent.</summary>
public enum WinnerMetric
{
    OpenRate,
    ClickRate,
    ConversionRate,
}
