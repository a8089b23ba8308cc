namespace Kizuna.Campaigns;

/// <summary>One run of a campaign: when it started, whether its audience snapshot is complete and how many it targeted.</summary>
public sealed record CampaignRun(int Run, DateTimeOffset StartedAt, bool SnapshotDone, long Targeted, DateTimeOffset? TestEndsAt, DateTimeOffset? FinishedAt);
