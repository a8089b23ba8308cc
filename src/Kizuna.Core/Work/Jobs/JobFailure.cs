namespace Kizuna.Work.Jobs;

/// <summary>
/// A claimed job that failed with <paramref name="Error"/> (kept on the job and shown in the dead letters). It is
/// tried again after a backoff unless <paramref name="Retry"/> is false or it had its last attempt.
/// </summary>
public sealed record JobFailure(ClaimedJob Job, string Error, bool Retry = true);
