namespace Kizuna.Work.Jobs;

/// <summary>
/// A job to enqueue. <paramref name="Key"/> makes the enqueue idempotent: a second job with the same queue and key is
/// not added (the first one's id is returned), even after the first finished, for as long as finished jobs are kept
/// (<see cref="JobOptions.Retention"/>). <paramref name="Group"/> lets a whole campaign or journey version be
/// cancelled at once. Null <paramref name="DueAt"/> means now; null <paramref name="MaxAttempts"/> takes the
/// queue's handler setting.
/// </summary>
public sealed record NewJob(
    string Queue,
    string Payload,
    string? Key = null,
    string? Group = null,
    long? WorkspaceId = null,
    DateTimeOffset? DueAt = null,
    int? MaxAttempts = null);
