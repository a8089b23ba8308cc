namespace Kizuna.Campaigns;

/// <summary>A conversion event counts only when its property <paramref name="Property"/> equals <paramref name="Value"/> (compared as text).</summary>
public sealed record ConversionFilter(string Property, string Value);
