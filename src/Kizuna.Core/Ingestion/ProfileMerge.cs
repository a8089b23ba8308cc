namespace Kizuna.Ingestion;

/// <summary>Profile <see cref="From"/> was merged into <see cref="Into"/>; its ids now resolve to <see cref="Into"/>.</summary>
public sealed record ProfileMerge(long WorkspaceId, long From, long Into);
