namespace Kizuna.Journeys;

/// <summary>The entries a split node sent along one path, and how many of them converted: the comparison against the control path.</summary>
public sealed record PathCount(string Node, string Path, long Entries, long Converted);
