using Kizuna.Analytics.Scores;

namespace Kizuna.Server.Analytics;

/// <summary>A refresh on the job queue: the job (shared with other requests of the same window) and when it runs.</summary>
public sealed record ScoreRefreshResponse(long JobId, DateTimeOffset DueAt)
{
    public static ScoreRefreshResponse From(ScoreRefreshJob job) => new(job.JobId, job.DueAt);
}
