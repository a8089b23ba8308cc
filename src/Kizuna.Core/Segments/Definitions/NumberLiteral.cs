namespace Kizuna.Segments.Definitions;

public sealed record NumberLiteral(decimal Value) : Literal;
