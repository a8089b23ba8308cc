using Kizuna.Work.Jobs;

namespace Kizuna.Server.Operations;

/// <summary>A job that failed its last attempt: its queue, caller's key, attempts made, and the last error.</summary>
public sealed record DeadJobResponse(long Id, string Queue, string? Key, int Attempts, string? LastError, DateTimeOffset FailedAt)
{
    public static DeadJobResponse From(DeadJob job) => new(job.Id, job.Queue, job.Key, job.Attempts, job.LastError, job.FailedAt);
}
