namespace Kizuna.Segments.Definitions;

/// <summary>At least one condition holds.</summary>
public sealed record OrCondition(ValueList<Condition> Conditions) : Condition;
