namespace Kizuna.Analytics.Baskets;

/// <summary>Products bought together in <see cref="Count"/> baskets, <see cref="Support"/> of all; items sorted ordinally.</summary>
public sealed record FrequentItemset(IReadOnlyList<string> Items, long Count, double Support);
