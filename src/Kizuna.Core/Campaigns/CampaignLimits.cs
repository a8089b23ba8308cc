namespace Kizuna.Campaigns;

/// <summary>The bounds a campaign's definition is checked against.</summary>
public static class CampaignLimits
{
    public const int MaxVariants = 8;
    public const int MaxControlPercent = 50;
    public const int MaxSendRate = 100_000;
    public const int MaxConversionEvents = 10;
    public const int MaxSegments = 20;
    public static readonly TimeSpan MinWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxGoalWindow = TimeSpan.FromDays(90);
    public static readonly TimeSpan MaxTestWindow = TimeSpan.FromDays(30);
}
