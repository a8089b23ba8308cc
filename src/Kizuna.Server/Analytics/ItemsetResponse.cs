namespace Kizuna.Server.Analytics;

/// <summary>Products bought together in <c>baskets</c> orders, <c>support</c> of all.</summary>
public sealed record ItemsetResponse(IReadOnlyList<string> Items, long Baskets, double Support);
