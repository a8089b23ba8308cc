namespace Kizuna.Analytics.Scores;

/// <summary>A refresh on the job queue: its id, its key, and when it runs.</summary>
public sealed record ScoreRefreshJob(long JobId, string Key, DateTimeOffset DueAt);
