namespace Kizuna.Segments.Definitions;

/// <summary>A number of days, for the relative date operators.</summary>
public sealed record DaysLiteral(int Value) : Literal;
