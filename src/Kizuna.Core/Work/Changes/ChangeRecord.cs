using Kizuna.Ingestion;

namespace Kizuna.Work.Changes;

/// <summary>What a transaction appends to the change feed (<see cref="ChangeLog.AppendAsync"/>).</summary>
public sealed record ChangeRecord(
    DateTimeOffset CommittedAt,
    int EventCount,
    IReadOnlyList<(long WorkspaceId, long ProfileId)> ChangedProfiles,
    IReadOnlyList<ProfileMerge> Merges,
    IReadOnlyList<(long WorkspaceId, long ProfileId)> Erased)
{
    /// <summary>Nothing for a consumer to see: a transaction that only met repeated messages.</summary>
    public bool IsEmpty => EventCount == 0 && ChangedProfiles.Count == 0 && Merges.Count == 0 && Erased.Count == 0;
}
