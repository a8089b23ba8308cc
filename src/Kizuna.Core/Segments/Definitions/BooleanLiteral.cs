namespace Kizuna.Segments.Definitions;

public sealed record BooleanLiteral(bool Value) : Literal;
