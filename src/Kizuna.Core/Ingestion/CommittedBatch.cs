namespace Kizuna.Ingestion;

/// <summary>
/// Everything one writer transaction committed: the new events, the profiles whose traits or aggregates changed,
/// and the merges (the profile that disappeared, and the one it joined).
/// </summary>
public sealed record CommittedBatch(
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<(long WorkspaceId, long ProfileId)> ChangedProfiles,
    IReadOnlyList<ProfileMerge> Merges);
