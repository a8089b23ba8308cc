namespace Kizuna.Segments.Definitions;

/// <summary>An operator with its operands: one for most, a list for <c>in</c>, two for <c>between</c>, none for <c>exists</c>.</summary>
public sealed record Test(Operator Operator, ValueList<Literal> Operands)
{
    public static Test Of(Operator op, params Literal[] operands) => new(op, new ValueList<Literal>(operands));
}
