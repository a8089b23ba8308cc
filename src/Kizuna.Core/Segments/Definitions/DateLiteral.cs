namespace Kizuna.Segments.Definitions;

/// <summary>A calendar day (UTC for event and order times, as written for date traits).</summary>
public sealed record DateLiteral(DateOnly Value) : Literal;
