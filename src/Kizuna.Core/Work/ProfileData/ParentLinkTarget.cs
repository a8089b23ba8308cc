namespace Kizuna.Work.ProfileData;

/// <summary>A <see cref="ParentLink"/> resolved against the registry: the parent table and the column naming its profile.</summary>
internal sealed record ParentLinkTarget(string Table, string ProfileColumn, IReadOnlyList<string> Key);
