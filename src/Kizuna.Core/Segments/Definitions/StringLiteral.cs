namespace Kizuna.Segments.Definitions;

public sealed record StringLiteral(string Value) : Literal;
