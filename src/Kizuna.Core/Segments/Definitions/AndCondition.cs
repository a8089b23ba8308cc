namespace Kizuna.Segments.Definitions;

/// <summary>Every condition holds.</summary>
public sealed record AndCondition(ValueList<Condition> Conditions) : Condition;
