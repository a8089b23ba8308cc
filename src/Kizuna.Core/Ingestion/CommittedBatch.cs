using Kizuna.Work.Changes;

namespace Kizuna.Ingestion;

/// <summary>
/// Everything one writer transaction committed: the new events, the profiles whose traits or aggregates changed,
/// and the merges (the profile that disappeared, and the one it joined). <see cref="Change"/> is the same transaction
/// as durable consumers read it from the change feed (null when it stored nothing new).
/// </summary>
public sealed record CommittedBatch(
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<(long WorkspaceId, long ProfileId)> ChangedProfiles,
    IReadOnlyList<ProfileMerge> Merges,
    Change? Change);
