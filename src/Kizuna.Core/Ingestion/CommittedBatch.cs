namespace Kizuna.Ingestion;

/// <summary>
/// Everything one writer transaction committed: the new events, the profiles whose traits or aggregates changed,
/// and the merges (the profile that disappeared, and the one it joined). <see cref="ChangeId"/> is the transaction's
/// row in the change feed (null when it stored nothing new), where durable consumers read the same batch.
/// </summary>
public sealed record CommittedBatch(
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<(long WorkspaceId, long ProfileId)> ChangedProfiles,
    IReadOnlyList<ProfileMerge> Merges,
    long? ChangeId);
