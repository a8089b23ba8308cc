namespace Kizuna.Segments.Definitions;

/// <summary>A constant in a definition.</summary>
public abstract record Literal;
