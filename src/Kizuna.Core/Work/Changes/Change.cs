using Kizuna.Ingestion;

namespace Kizuna.Work.Changes;

/// <summary>
/// What one committed transaction changed: its events (as stored: those of a customer erased since are gone), the
/// profiles whose traits or aggregates changed, the merges and the erasures.
/// </summary>
public sealed record Change(
    ChangePosition Position,
    DateTimeOffset CommittedAt,
    IReadOnlyList<ChangeEvent> Events,
    IReadOnlyList<(long WorkspaceId, long ProfileId)> ChangedProfiles,
    IReadOnlyList<ProfileMerge> Merges,
    IReadOnlyList<(long WorkspaceId, long ProfileId)> Erased);
