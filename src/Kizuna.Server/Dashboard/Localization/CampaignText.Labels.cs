namespace Kizuna.Server.Dashboard.Localization;

public sealed partial record CampaignText
{
    public required string Campaigns { get; init; }

    public required string CampaignsIntro { get; init; }

    public required string NewCampaign { get; init; }

    public required string AllStates { get; init; }

    public required string Name { get; init; }

    public required string Channel { get; init; }

    public required string State { get; init; }

    public required string Schedule { get; init; }

    public required string TargetedSent { get; init; }

    public required string OpenRate { get; init; }

    public required string ClickRate { get; init; }

    public required string ConversionRate { get; init; }

    public required string Revenue { get; init; }

    public required string NoCampaigns { get; init; }

    public required string NotFound { get; init; }

    public required string Content { get; init; }

    public required string Variant { get; init; }

    public required string Template { get; init; }

    public required string ChooseTemplate { get; init; }

    public required string Split { get; init; }

    public required string AddVariant { get; init; }

    public required string Remove { get; init; }

    public required string ControlShare { get; init; }

    public required string Preview { get; init; }

    public required string Audience { get; init; }

    public required string Include { get; init; }

    public required string Exclude { get; init; }

    public required string Members { get; init; }

    public required string AudienceNow { get; init; }

    public required string AudienceCount { get; init; }

    public required string AudienceSplit { get; init; }

    public required string AudienceEmpty { get; init; }

    public required string NoSegments { get; init; }

    public required string When { get; init; }

    public required string SendAt { get; init; }

    public required string LocalDate { get; init; }

    public required string LocalTime { get; init; }

    public required string TimeZone { get; init; }

    public required string Cron { get; init; }

    public required string RateLimit { get; init; }

    public required string Goal { get; init; }

    public required string GoalEvents { get; init; }

    public required string FilterProperty { get; init; }

    public required string FilterValue { get; init; }

    public required string WindowHours { get; init; }

    public required string AbTest { get; init; }

    public required string WinnerBy { get; init; }

    public required string NoTest { get; init; }

    public required string TestPercent { get; init; }

    public required string TestWindow { get; init; }

    public required string SaveDraft { get; init; }

    public required string Launch { get; init; }

    public required string Pause { get; init; }

    public required string Resume { get; init; }

    public required string Cancel { get; init; }

    public required string Report { get; init; }

    public required string Saved { get; init; }

    public required string Done { get; init; }

    public required string Problem { get; init; }

    public required string Started { get; init; }

    public required string TestSend { get; init; }

    public required string TestProfiles { get; init; }

    public required string TestSendButton { get; init; }

    public required string TestSent { get; init; }

    public required string Delivered { get; init; }

    public required string Bounced { get; init; }

    public required string UniqueOpens { get; init; }

    public required string TotalOpens { get; init; }

    public required string UniqueClicks { get; init; }

    public required string TotalClicks { get; init; }

    public required string ClickThrough { get; init; }

    public required string ClickToOpen { get; init; }

    public required string Unsubscribes { get; init; }

    public required string Complaints { get; init; }

    public required string Conversions { get; init; }

    public required string RevenuePerRecipient { get; init; }

    public required string Uplift { get; init; }

    public required string NoControl { get; init; }

    public required string ByVariant { get; init; }

    public required string ByDay { get; init; }

    public required string Control { get; init; }

    public required string GlobalControl { get; init; }

    public required string Size { get; init; }

    public required string ExportCsv { get; init; }

    public required string Skipped { get; init; }

    public required string NoSkipped { get; init; }

    public required string Profile { get; init; }

    public required string Run { get; init; }

    public required string Reason { get; init; }

    public required string Winner { get; init; }

    public required string Significance { get; init; }

    public required string NothingToCompare { get; init; }

    public required string PickWinner { get; init; }

    public required string SendWinner { get; init; }

    public required string PickWinnerHelp { get; init; }

    public required string TemplateVersion { get; init; }

    public required string LatestVersion { get; init; }

    public required string Targeted { get; init; }

    public required string Sent { get; init; }

    public required string Edit { get; init; }
}
