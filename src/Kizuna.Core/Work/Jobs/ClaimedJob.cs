namespace Kizuna.Work.Jobs;

/// <summary>
/// A job this node holds until <paramref name="LeaseUntil"/>. Only the holder of <paramref name="LeaseToken"/> can
/// complete, fail or extend it: once the lease expired and another node claimed the job, this copy is stale.
/// <paramref name="Attempt"/> counts this run (1 for the first).
/// </summary>
public sealed record ClaimedJob(
    long Id,
    string Queue,
    string? Key,
    string? Group,
    long? WorkspaceId,
    string Payload,
    int Attempt,
    int MaxAttempts,
    long LeaseToken,
    DateTimeOffset LeaseUntil)
{
    /// <summary>This run is the last the job gets if it fails.</summary>
    public bool IsLastAttempt => Attempt >= MaxAttempts;
}
