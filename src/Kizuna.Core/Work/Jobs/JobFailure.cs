namespace Kizuna.Work.Jobs;

/// <summary>
/// A claimed job that failed with <paramref name="Error"/> (kept on the job and shown in the dead letters). It is
/// tried again after a backoff unless <paramref name="Retry"/> is false or it had its last attempt;
/// <paramref name="RetryAfter"/> replaces the queue's backoff for a handler that keeps its own schedule.
/// </summary>
public sealed record JobFailure(ClaimedJob Job, string Error, bool Retry = true, TimeSpan? RetryAfter = null);
