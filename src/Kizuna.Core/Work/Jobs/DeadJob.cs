namespace Kizuna.Work.Jobs;

/// <summary>A job that failed its last attempt (or was given up), with the error of that attempt.</summary>
public sealed record DeadJob(long Id, string Queue, string? Key, long? WorkspaceId, int Attempts, string? LastError, DateTimeOffset FailedAt);
