namespace Kizuna.Journeys.Model;

/// <summary>At most <see cref="Count"/> entries into the journey per <see cref="Per"/> (a duration such as <c>1h</c>); triggers beyond it are not entered.</summary>
public sealed record EntryRateLimit(int Count, string Per);
